package org.interlay.router.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last line of a SIPp statistics file (-trace_stat), read by column name. */
record SippStats(long outgoing, long successful, long failed, long retransmissions, long deadCallMessages) {
    static SippStats read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) throw new IOException("no statistics in " + file);
        List<String> names = Arrays.asList(lines.get(0).split(";"));
        String[] values = lines.get(lines.size() - 1).split(";");
        return new SippStats(number(names, values, "OutgoingCall(C)"), number(names, values, "SuccessfulCall(C)"),
                number(names, values, "FailedCall(C)"), number(names, values, "Retransmissions(C)"),
                number(names, values, "DeadCallMsgs(C)"));
    }

    private static long number(List<String> names, String[] values, String name) throws IOException {
        int i = names.indexOf(name);
        if (i < 0 || i >= values.length) throw new IOException("no column " + name);
        return Long.parseLong(values[i].trim());
    }
}
