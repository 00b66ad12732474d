package org.interlay.router.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.interlay.router.testing.Sipp;

/**
 * One measured run: a fresh SIPp server on its port, a SIPp client sending {@code count} MESSAGEs at
 * {@code rate} per second to {@code target} (the server itself, or a router before it), and what both
 * traced. The client's scenario waits for each 200 OK; lost messages are calls that failed.
 */
record LoadStep(int rate, long sent, long answered, long failed, long retransmissions, double throughput, double p50,
                double p99, double max, double cpuMicrosPerMessage) {
    private static final String SOCKET_BUFFER = Integer.toString(4 * 1024 * 1024);

    static LoadStep run(InetSocketAddress target, int serverPort, int rate, int seconds) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("load-step");
        int count = rate * seconds;
        Duration limit = Duration.ofSeconds(seconds + 30L);
        try (Sipp.Run server = Sipp.start("message-server.xml", serverPort, limit,
                List.of("-l", "1000000", "-buff_size", SOCKET_BUFFER), dir)) {
            Path stats = dir.resolve("client-stats.csv");
            try (Sipp.Run client = Sipp.start("message-client.xml", Sipp.freePort(), limit, List.of(
                    target.getAddress().getHostAddress() + ":" + target.getPort(), "-key", "user", "carol", "-key", "domain",
                    "pastry.lab", "-key", "to", "bob@kad.lab", "-r", Integer.toString(rate), "-m", Integer.toString(count),
                    "-l", Integer.toString(Math.max(1000, rate * 10)), "-trace_stat", "-stf", stats.toString(), "-fd", "1",
                    "-trace_rtt", "-rtt_freq", "1", "-buff_size", SOCKET_BUFFER), dir)) {
                long cpuBefore = processCpuNanos();
                client.await();
                long cpu = processCpuNanos() - cpuBefore;
                server.stop();
                SippStats s = SippStats.read(stats);
                RttSamples rtt = RttSamples.read(dir);
                return new LoadStep(rate, s.outgoing(), s.successful(), s.failed(), s.retransmissions(), rtt.throughput(),
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

    /** Sustained: every MESSAGE answered, none lost, and the achieved rate within 5% of the target. */
    boolean sustained() {
        return failed == 0 && answered == sent && throughput >= 0.95 * rate;
    }

    String row(String path) {
        return String.format("%-8s %7d %9.0f %8d %8d %6d %8d %7.0f %7.0f %7.0f %9.0f", path, rate, throughput, sent, answered,
                failed, retransmissions, p50, p99, max, cpuMicrosPerMessage);
    }

    static String header() {
        return String.format("%-8s %7s %9s %8s %8s %6s %8s %7s %7s %7s %9s", "path", "target", "achieved", "sent", "answered",
                "lost", "retrans", "p50ms", "p99ms", "maxms", "jvm-us/msg");
    }
}
