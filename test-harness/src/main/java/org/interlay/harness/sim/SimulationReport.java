package org.interlay.harness.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a simulation measured. {@link #toJson()} prints one object on one line; {@link #toText()}
 * prints the same for a person.
 *
 * @param success      fraction of lookups that ended at the node the global view holds responsible
 * @param consistency  under churn, fraction of same-key lookup pairs from two nodes that agreed (1 without churn)
 * @param buildSeconds wall seconds from the first join until every node agreed with the global view
 * @param reuseIds     under churn, replacements took the ids and addresses of the nodes they replaced
 * @param secure       a secure overlay (enrolled nodes, signed and MACed frames)
 * @param datagramsPerLookup datagrams delivered while the lookups ran, per lookup (maintenance traffic included)
 * @param bytesPerLookup     their bytes, per lookup
 */
public record SimulationReport(String algorithm, int nodes, int lookups, long seed, String mode, double success,
                               double meanHops, double p50Hops, double p99Hops, double maxHops, double meanRounds,
                               double meanMessages, double meanLatencyMs, double p99LatencyMs, boolean stable,
                               double buildSeconds, double wallSeconds, double heapMb, double crash, int records,
                               int lostRecords, double churnMeanSessionMinutes, double consistency, int departures,
                               boolean reuseIds, long events, boolean secure, double datagramsPerLookup,
                               double bytesPerLookup) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algo", algorithm);
        m.put("nodes", nodes);
        m.put("lookups", lookups);
        m.put("seed", seed);
        m.put("mode", mode);
        m.put("success", round(success, 4));
        m.put("meanHops", round(meanHops, 3));
        m.put("p50Hops", p50Hops);
        m.put("p99Hops", p99Hops);
        m.put("maxHops", maxHops);
        m.put("meanRounds", round(meanRounds, 3));
        m.put("meanMessages", round(meanMessages, 2));
        m.put("meanLatencyMs", round(meanLatencyMs, 1));
        m.put("p99LatencyMs", round(p99LatencyMs, 1));
        m.put("stable", stable);
        m.put("buildSeconds", round(buildSeconds, 2));
        m.put("wallSeconds", round(wallSeconds, 2));
        m.put("heapMb", round(heapMb, 0));
        m.put("crash", crash);
        m.put("records", records);
        m.put("lostRecords", lostRecords);
        m.put("churnMeanSessionMinutes", round(churnMeanSessionMinutes, 2));
        m.put("consistency", round(consistency, 4));
        m.put("departures", departures);
        m.put("reuseIds", reuseIds);
        m.put("events", events);
        m.put("secure", secure);
        m.put("datagramsPerLookup", round(datagramsPerLookup, 2));
        m.put("bytesPerLookup", round(bytesPerLookup, 0));
        return m;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of numbers and strings always serializes", e);
        }
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%s, %d nodes%s, seed %d, %s lookups%n", algorithm, nodes, secure ? " (secure: signed and MACed frames)" : "",
                seed, mode));
        b.append(String.format("  built and stable: %s in %.2f s wall (%d events)%n", stable ? "yes" : "NO", buildSeconds, events));
        b.append(String.format("  lookups: %d, success %.2f%%%n", lookups, 100 * success));
        b.append(String.format("  hops: mean %.3f, p50 %.0f, p99 %.0f, max %.0f; rounds mean %.3f; messages mean %.2f%n",
                meanHops, p50Hops, p99Hops, maxHops, meanRounds, meanMessages));
        b.append(String.format("  latency (virtual): mean %.1f ms, p99 %.1f ms%n", meanLatencyMs, p99LatencyMs));
        if (bytesPerLookup > 0) {
            b.append(String.format("  network while the lookups ran: %.2f datagrams, %.0f bytes per lookup (maintenance included)%n",
                    datagramsPerLookup, bytesPerLookup));
        }
        if (crash > 0 || churnMeanSessionMinutes > 0) {
            b.append(String.format("  records: %d stored, %d lost%n", records, lostRecords));
        }
        if (crash > 0) b.append(String.format("  crash: %.0f%% of nodes at once%n", 100 * crash));
        if (churnMeanSessionMinutes > 0) {
            b.append(String.format("  churn: mean session %.2f min, %d departures%s, consistency %.2f%%%n",
                    churnMeanSessionMinutes, departures, reuseIds ? " (ids reused)" : "", 100 * consistency));
        }
        b.append(String.format("  wall %.2f s, peak heap %.0f MB%n", wallSeconds, heapMb));
        return b.toString();
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
