package org.interlay.trust;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * How an identity is written into a certificate and read back out of it. The role is the subject's
 * organizational unit ({@code OU=node}); the name is the subject's common name and, in the form each
 * role needs, a subject alternative name:
 * <ul>
 *   <li>node: URI {@code interlay:node:<40 hex digits>}, and {@code interlay:overlay:<name>} when the
 *       authority enrolled it in one overlay (RFC 6940 §11.3 puts the node-id in a URI subject alternative
 *       name too, as {@code reload://<id>@<overlay>/}; ours also says "any overlay of this authority" by
 *       leaving the overlay out);</li>
 *   <li>user: URI {@code sip:alice@chord.lab}, the address of record (as RFC 6940 §11.3 and RFC 5922 do);</li>
 *   <li>agent: DNS name {@code chord.lab}, the domain it serves (what TLS between agents checks, RFC 5922 §7.1);</li>
 *   <li>router: URI {@code interlay:router:<id>}.</li>
 * </ul>
 * An identity is read from a certificate only together with a check that it chains to the authority
 * ({@link TrustStore#verify}); read alone, it proves nothing.
 */
public final class CertificateProfile {
    static final String NODE_URI = "interlay:node:";
    static final String OVERLAY_URI = "interlay:overlay:";
    static final String ROUTER_URI = "interlay:router:";

    private CertificateProfile() {
    }

    /** The subject of a certificate for {@code identity}, issued by the authority named {@code authorityName}. */
    static X500Name subject(String authorityName, CertifiedIdentity identity) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, authorityName)
                .addRDN(BCStyle.OU, identity.role().label())
                .addRDN(BCStyle.CN, identity.name())
                .build();
    }

    /** The subject alternative names of a certificate for {@code identity}. */
    static GeneralNames alternativeNames(CertifiedIdentity identity) {
        List<GeneralName> names = new ArrayList<>();
        switch (identity.role()) {
            case NODE -> {
                names.add(new GeneralName(GeneralName.uniformResourceIdentifier, NODE_URI + identity.name()));
                identity.overlay().ifPresent(o -> names.add(new GeneralName(GeneralName.uniformResourceIdentifier, OVERLAY_URI + o)));
            }
            case USER -> names.add(new GeneralName(GeneralName.uniformResourceIdentifier, identity.name()));
            case AGENT -> names.add(new GeneralName(GeneralName.dNSName, identity.name()));
            case ROUTER -> names.add(new GeneralName(GeneralName.uniformResourceIdentifier, ROUTER_URI + identity.name()));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    /**
     * The identity a certificate names. A TrustException if it names none: an authority's certificate, no
     * role or an unknown one, or subject alternative names missing or not of the role's form.
     */
    public static CertifiedIdentity identityOf(X509Certificate cert) {
        if (cert.getBasicConstraints() >= 0) throw new TrustException("a certificate authority's certificate names no holder");
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        String roleLabel = single(subject, BCStyle.OU).orElseThrow(() -> new TrustException("the certificate names no role (subject OU)"));
        Role role = Role.fromLabel(roleLabel).orElseThrow(() -> new TrustException("the certificate names an unknown role '" + roleLabel + "'"));
        List<String> uris = alternativeNames(cert, GeneralName.uniformResourceIdentifier);
        try {
            return switch (role) {
                case NODE -> new CertifiedIdentity(role, one(prefixed(uris, NODE_URI), "node-id"),
                        atMostOne(prefixed(uris, OVERLAY_URI), "overlay"));
                case USER -> new CertifiedIdentity(role, one(uris.stream().filter(u -> u.startsWith("sip:")).toList(),
                        "address of record"), Optional.empty());
                case AGENT -> new CertifiedIdentity(role, one(alternativeNames(cert, GeneralName.dNSName), "domain"), Optional.empty());
                case ROUTER -> new CertifiedIdentity(role, one(prefixed(uris, ROUTER_URI), "router id"), Optional.empty());
            };
        } catch (IllegalArgumentException e) {
            throw new TrustException("the " + role.label() + " certificate names no valid holder: " + e.getMessage());
        }
    }

    private static Optional<String> single(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length != 1 || rdns[0].isMultiValued()) return Optional.empty();
        return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }

    private static List<String> alternativeNames(X509Certificate cert, int type) {
        Collection<List<?>> all;
        try {
            all = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new TrustException("the certificate's subject alternative names do not parse: " + e.getMessage(), e);
        }
        if (all == null) return List.of();
        return all.stream().filter(n -> n.size() == 2 && Integer.valueOf(type).equals(n.get(0)) && n.get(1) instanceof String)
                .map(n -> (String) n.get(1)).toList();
    }

    private static List<String> prefixed(List<String> uris, String prefix) {
        return uris.stream().filter(u -> u.startsWith(prefix)).map(u -> u.substring(prefix.length())).toList();
    }

    private static String one(List<String> values, String what) {
        if (values.size() != 1) throw new IllegalArgumentException("expected one " + what + ", found " + values.size());
        return values.get(0);
    }

    private static Optional<String> atMostOne(List<String> values, String what) {
        if (values.size() > 1) throw new IllegalArgumentException("expected at most one " + what + ", found " + values.size());
        return values.stream().findFirst();
    }
}
