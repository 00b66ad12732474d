package org.interlay.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.interlay.discovery.InvalidAdvertException.Problem.BAD_INSTANCE_NAME;
import static org.interlay.discovery.InvalidAdvertException.Problem.BAD_VALUE;
import static org.interlay.discovery.InvalidAdvertException.Problem.MISSING_KEY;
import static org.interlay.discovery.InvalidAdvertException.Problem.UNSUPPORTED_VERSION;

/**
 * The DNS-SD form of an {@link OverlayAdvert}: service type {@value #SERVICE_TYPE}, instance name
 * {@code <overlay>} or {@code <overlay> [<node>]}, and TXT keys {@code ov algo domain boot sip role v}.
 * Parsing is all or nothing: an advert comes out whole or an {@link InvalidAdvertException} says why not.
 */
public final class DnsSdAdvertCodec {

    public static final String SERVICE_TYPE = "_p2psip._udp.local.";
    public static final String KEY_OVERLAY = "ov";
    public static final String KEY_ALGORITHM = "algo";
    public static final String KEY_DOMAIN = "domain";
    public static final String KEY_BOOTSTRAP = "boot";
    public static final String KEY_SIP = "sip";
    public static final String KEY_ROLE = "role";
    public static final String KEY_VERSION = "v";

    private DnsSdAdvertCodec() {
    }

    /**
     * The instance name: the overlay name alone when the node id is the overlay name
     * (one advertiser), otherwise the overlay name and the node id in brackets.
     */
    public static String instanceName(OverlayAdvert advert) {
        return advert.nodeId().equals(advert.overlayName())
                ? advert.overlayName()
                : advert.overlayName() + " [" + advert.nodeId() + "]";
    }

    /** The TXT record of an advert, keys in a fixed order. */
    public static TxtRecord toTxt(OverlayAdvert advert) {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put(KEY_OVERLAY, advert.overlayName());
        pairs.put(KEY_ALGORITHM, advert.algorithm().name());
        pairs.put(KEY_DOMAIN, advert.sipDomain());
        pairs.put(KEY_BOOTSTRAP, joined(advert.bootstrapPeers()));
        pairs.put(KEY_SIP, joined(advert.sipEntryPoints()));
        pairs.put(KEY_ROLE, advert.role().wireName());
        pairs.put(KEY_VERSION, Integer.toString(advert.formatVersion()));
        return TxtRecord.of(pairs);
    }

    /** Parses a resolved service: its instance name and its TXT rdata. */
    public static OverlayAdvert fromService(String instanceName, byte[] txtRdata) throws InvalidAdvertException {
        TxtRecord txt = TxtRecord.decode(txtRdata);
        String overlayName = required(txt, KEY_OVERLAY);
        return fromTxt(txt, nodeIdOf(instanceName, overlayName));
    }

    /** The node id carried by an instance name, which must belong to the given overlay. */
    public static String nodeIdOf(String instanceName, String overlayName) throws InvalidAdvertException {
        if (instanceName.equals(overlayName)) {
            return overlayName;
        }
        String prefix = overlayName + " [";
        if (instanceName.startsWith(prefix) && instanceName.endsWith("]")) {
            String nodeId = instanceName.substring(prefix.length(), instanceName.length() - 1);
            if (NameSyntax.isNodeId(nodeId)) {
                return nodeId;
            }
        }
        throw new InvalidAdvertException(BAD_INSTANCE_NAME,
                "'" + instanceName + "' is not '" + overlayName + "' or '" + overlayName + " [node]'");
    }

    /** Parses TXT keys into an advert published by the given node; unknown keys are ignored (RFC 6763 6.4). */
    public static OverlayAdvert fromTxt(TxtRecord txt, String nodeId) throws InvalidAdvertException {
        String version = required(txt, KEY_VERSION);
        if (!version.equals(Integer.toString(OverlayAdvert.FORMAT_VERSION))) {
            throw new InvalidAdvertException(UNSUPPORTED_VERSION, "v=" + version);
        }
        String overlayName = required(txt, KEY_OVERLAY);
        if (!NameSyntax.isOverlayName(overlayName)) {
            throw new InvalidAdvertException(BAD_VALUE, "ov=" + overlayName);
        }
        Algorithm algorithm = Algorithm.fromWireName(required(txt, KEY_ALGORITHM));
        String domain = required(txt, KEY_DOMAIN);
        if (!NameSyntax.isDomain(domain)) {
            throw new InvalidAdvertException(BAD_VALUE, "domain=" + domain);
        }
        List<HostPort> boot = hostPorts(KEY_BOOTSTRAP, required(txt, KEY_BOOTSTRAP));
        if (boot.isEmpty()) {
            throw new InvalidAdvertException(BAD_VALUE, "boot is empty");
        }
        List<HostPort> sip = hostPorts(KEY_SIP, required(txt, KEY_SIP));
        NodeRole role = NodeRole.fromWireName(required(txt, KEY_ROLE));
        if (!NameSyntax.isNodeId(nodeId)) {
            throw new InvalidAdvertException(BAD_VALUE, "node id '" + nodeId + "'");
        }
        return new OverlayAdvert(overlayName, algorithm, domain, boot, sip, role, OverlayAdvert.FORMAT_VERSION, nodeId);
    }

    private static String required(TxtRecord txt, String key) throws InvalidAdvertException {
        if (!txt.has(key)) {
            throw new InvalidAdvertException(MISSING_KEY, key);
        }
        return txt.value(key).orElseThrow(() -> new InvalidAdvertException(BAD_VALUE, key + " has no value"));
    }

    private static List<HostPort> hostPorts(String key, String value) throws InvalidAdvertException {
        List<HostPort> entries = new ArrayList<>();
        if (value.isEmpty()) {
            return entries;
        }
        for (String item : value.split(",", -1)) {
            entries.add(HostPort.parse(item));
        }
        if (entries.size() > OverlayAdvert.MAX_LIST_ENTRIES) {
            throw new InvalidAdvertException(BAD_VALUE, key + " has more than " + OverlayAdvert.MAX_LIST_ENTRIES + " entries");
        }
        return entries;
    }

    private static String joined(List<HostPort> entries) {
        return entries.stream().map(HostPort::toString).collect(Collectors.joining(","));
    }
}
