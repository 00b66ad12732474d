package org.interlay.discovery.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A standard mDNS browser on another host (avahi-daemon and avahi-browse, run in host 1's namespace
 * with a private /run) lists a node's advert, resolves it with every TXT key, and drops it on the
 * goodbye the node sends when it is stopped with SIGTERM. How fast is shown by {@code AvahiBrowseBench}.
 */
@Tag("netns")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AvahiBrowseTest {

    private static final Duration APPEAR = Duration.ofSeconds(20);
    private static final Duration GOODBYE = Duration.ofSeconds(15);

    private VirtualLan lan;
    private AvahiBrowser avahi;
    private ChildProcess node;

    @BeforeEach
    void startAvahi() throws Exception {
        Optional<String> reason = AvahiBrowser.unavailableReason();
        reason.ifPresent(why -> System.out.println("Skipping: " + why));
        Assumptions.assumeTrue(reason.isEmpty(), reason.orElse(""));
        lan = VirtualLan.create(2);
        avahi = AvahiBrowser.start(lan, 1, "_p2psip._udp");
    }

    @AfterEach
    void stopAll() {
        if (node != null) {
            node.close();
        }
        if (avahi != null) {
            avahi.close();
        }
        if (lan != null) {
            lan.close();
        }
    }

    @Test
    void avahiResolvesTheAdvertWithItsTxtAndDropsItOnTheGoodbyeOfSigterm() throws Exception {
        node = DiscoveryNodes.start(lan, 2, "avahi-node", DiscoveryNodes.advert("chord", "chord", "n4000", lan.address(2)),
                "--no-group");
        AvahiBrowser.Event resolved = avahi.awaitEvent(0, AvahiBrowser.event('=', "chord [n4000]"), APPEAR, "chord resolved");
        assertEquals(List.of("ov=chord", "algo=chord", "domain=chord.lab", "boot=10.77.0.2:4000", "role=peer",
                "sip=10.77.0.2:5060", "v=1").stream().sorted().toList(), resolved.txt().stream().sorted().toList());

        node.terminate();
        avahi.awaitEvent(0, AvahiBrowser.event('-', "chord [n4000]"), GOODBYE, "chord removed after SIGTERM");
    }
}
