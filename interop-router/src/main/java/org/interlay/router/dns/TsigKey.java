package org.interlay.router.dns;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** A TSIG key (RFC 8945) as a key file names it: its name, its HMAC algorithm and its secret. */
public record TsigKey(Name name, Name algorithm, byte[] secret) {
    public TsigKey {
        secret = secret.clone();
    }

    /** The key as dnsjava signs with it. */
    public TSIG tsig() {
        return new TSIG(algorithm, name, secret);
    }

    @Override
    public String toString() {
        return "TSIG key " + name + " (" + TSIG.nameToAlgorithm(algorithm) + ")";
    }
}
