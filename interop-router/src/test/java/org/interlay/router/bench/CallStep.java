package org.interlay.router.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.interlay.router.testing.Sipp;

/**
 * One measured run of calls: a fresh SIPp callee ({@code invite-server.xml}) on its port, a SIPp
 * caller ({@code invite-client.xml}) placing {@code rate} calls a second for {@code seconds} at
 * {@code target} (the callee itself, or a router before it), each INVITE / 100 / 180 / 200 / ACK /
 * pause / BYE / 200. Set-up time is INVITE to 200 as the caller measured it (SIPp's response time 1).
 */
record CallStep(int rate, long placed, long completed, long failed, long retransmissions, double setupsPerSecond,
                double p50, double p99, double max, double cpuMicrosPerCall) {
    private static final String SOCKET_BUFFER = Integer.toString(4 * 1024 * 1024);

    static CallStep run(InetSocketAddress target, int serverPort, int rate, int seconds, int pauseMillis)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("call-step");
        int count = rate * seconds;
        Duration limit = Duration.ofSeconds(seconds + 30L);
        int concurrent = Math.max(1000, rate * (pauseMillis / 1000 + 5));
        try (Sipp.Run server = Sipp.start("invite-server.xml", serverPort, limit,
                List.of("-l", "1000000", "-buff_size", SOCKET_BUFFER), dir)) {
            Path stats = dir.resolve("client-stats.csv");
            try (Sipp.Run client = Sipp.start("invite-client.xml", Sipp.freePort(), limit, List.of(
                    target.getAddress().getHostAddress() + ":" + target.getPort(), "-key", "user", "carol", "-key", "domain",
                    "pastry.lab", "-key", "to", "bob@kad.lab", "-r", Integer.toString(rate), "-m", Integer.toString(count),
                    "-d", Integer.toString(pauseMillis), "-l", Integer.toString(concurrent), "-trace_stat", "-stf",
                    stats.toString(), "-fd", "1", "-trace_rtt", "-rtt_freq", "1", "-buff_size", SOCKET_BUFFER), dir)) {
                long cpuBefore = processCpuNanos();
                client.await();
                long cpu = processCpuNanos() - cpuBefore;
                server.stop();
                SippStats s = SippStats.read(stats);
                RttSamples rtt = RttSamples.read(dir);
                return new CallStep(rate, s.outgoing(), s.successful(), s.failed(), s.retransmissions(), rtt.throughput(),
                        rtt.quantile(0.5), rtt.quantile(0.99), rtt.max(), s.successful() == 0 ? 0 : cpu / 1e3 / s.successful());
            }
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** CPU time used by this JVM (the router, and the overlays and agents idling beside it). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Sustained: every call completed, none failed, and set-ups kept within 5% of the asked rate. */
    boolean sustained() {
        return failed == 0 && completed == placed && setupsPerSecond >= 0.95 * rate;
    }

    String row(String path) {
        return String.format("%-8s %7d %9.0f %8d %9d %6d %8d %7.0f %7.0f %7.0f %11.0f", path, rate, setupsPerSecond, placed,
                completed, failed, retransmissions, p50, p99, max, cpuMicrosPerCall);
    }

    static String header() {
        return String.format("%-8s %7s %9s %8s %9s %6s %8s %7s %7s %7s %11s", "path", "calls/s", "achieved", "placed",
                "completed", "failed", "retrans", "p50ms", "p99ms", "maxms", "jvm-us/call");
    }
}
