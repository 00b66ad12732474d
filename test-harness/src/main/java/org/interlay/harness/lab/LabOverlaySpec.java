package org.interlay.harness.lab;

import org.interlay.discovery.Algorithm;

/**
 * One overlay the lab starts: its name, its algorithm (any installed one), the SIP domain it serves
 * and how many peers it has.
 *
 * @param name      the overlay's name (letters, digits, '-', '_': it is a DNS-SD instance label)
 * @param algorithm the overlay's algorithm; the lab needs it installed
 * @param domain    the SIP domain it serves
 * @param peers     peers started at once, 1 to {@value LabConfig#MAX_PEERS}
 */
public record LabOverlaySpec(String name, Algorithm algorithm, String domain, int peers) {
    public LabOverlaySpec {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,63}")) {
            throw new IllegalArgumentException("an overlay name is 1-63 letters, digits, '-' or '_' (no dots): " + name);
        }
        if (algorithm == null) throw new IllegalArgumentException("overlay " + name + " needs an algorithm");
        if (domain == null || !domain.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
            throw new IllegalArgumentException("not a SIP domain: " + domain);
        }
        if (peers < 1 || peers > LabConfig.MAX_PEERS) {
            throw new IllegalArgumentException("peers per overlay must be 1.." + LabConfig.MAX_PEERS + ": " + peers);
        }
    }

    /**
     * Parses {@code NAME:ALGO[:PEERS]} as a user writes it, e.g. {@code ring:chord-twin:3}; the domain
     * is {@code NAME.lab}, and peers default to {@code defaultPeers}.
     */
    public static LabOverlaySpec parse(String text, int defaultPeers) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("an overlay is NAME:ALGO or NAME:ALGO:PEERS, not '" + text + "'");
        }
        int peers = defaultPeers;
        if (parts.length == 3) {
            try {
                peers = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("peers must be a number in '" + text + "'");
            }
        }
        return new LabOverlaySpec(parts[0], Algorithm.named(parts[1]), parts[0] + ".lab", peers);
    }
}
