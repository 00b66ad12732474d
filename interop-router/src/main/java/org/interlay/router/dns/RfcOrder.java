package org.interlay.router.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.xbill.DNS.SRVRecord;

/** The order RFC 2782 gives SRV targets: by priority, lowest first; within one priority, drawn at random in proportion to weight. */
final class RfcOrder {
    private RfcOrder() {
    }

    static List<SRVRecord> srv(List<SRVRecord> records, Random random) {
        TreeMap<Integer, List<SRVRecord>> byPriority = new TreeMap<>();
        for (SRVRecord r : records) {
            if (r.getTarget().labels() <= 1) continue; // "." : the service is decidedly not available there
            byPriority.computeIfAbsent(r.getPriority(), p -> new ArrayList<>()).add(r);
        }
        List<SRVRecord> ordered = new ArrayList<>();
        for (List<SRVRecord> same : byPriority.values()) {
            List<SRVRecord> left = new ArrayList<>(same);
            left.sort(Comparator.comparingInt(SRVRecord::getWeight)); // zero weights first, as the RFC asks
            while (!left.isEmpty()) {
                int total = left.stream().mapToInt(SRVRecord::getWeight).sum();
                int pick = total == 0 ? 0 : random.nextInt(total + 1);
                int running = 0;
                for (int i = 0; i < left.size(); i++) {
                    running += left.get(i).getWeight();
                    if (running >= pick) {
                        ordered.add(left.remove(i));
                        break;
                    }
                }
            }
        }
        return ordered;
    }
}
