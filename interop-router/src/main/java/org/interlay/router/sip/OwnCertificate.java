package org.interlay.router.sip;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * The JDK's key manager over an endpoint's one key, except that as a client it presents that key's
 * certificate whatever authorities the server names: a server of another authority then refuses it
 * (and counts the refusal) instead of seeing no certificate at all.
 */
final class OwnCertificate extends X509ExtendedKeyManager {
    private final X509KeyManager keys;
    private final String alias;

    OwnCertificate(X509KeyManager keys, String alias) {
        this.keys = keys;
        this.alias = alias;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return alias;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return alias;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return keys.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return keys.chooseServerAlias(keyType, issuers, null);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return keys.getClientAliases(keyType, issuers);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return keys.getServerAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String name) {
        return keys.getCertificateChain(name);
    }

    @Override
    public PrivateKey getPrivateKey(String name) {
        return keys.getPrivateKey(name);
    }
}
