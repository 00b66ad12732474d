package org.interlay.router.bench;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.interlay.discovery.Algorithm;
import org.interlay.discovery.OverlayDirectory;
import org.interlay.discovery.jgroups.JGroupsConfig;
import org.interlay.discovery.jgroups.JGroupsDiscoverer;
import org.interlay.overlay.Address;
import org.interlay.time.EventLoop;
import org.interlay.router.AgentPolicies;
import org.interlay.router.RelayMode;
import org.interlay.router.Router;
import org.interlay.router.RouterConfig;
import org.interlay.router.bridge.GroupBridgeCoordinator;
import org.interlay.router.directory.DomainEntry;
import org.interlay.router.directory.StaticDomainDirectory;
import org.interlay.router.membership.NodeJoiner;
import org.interlay.router.testing.OverlayLab;

/**
 * A router in a process of its own, for the failover benchmark (which kills it): joins the overlays
 * named on the command line and the routers' group over TCP on 127.0.0.1, then prints
 * {@code READY <id> <sip port>} and serves until killed.
 * Arguments: id, then entries {@code domain,overlay,algorithm,host:port}. System properties
 * interlay.group.port and interlay.group.members set the group's TCP port and member list.
 */
public final class RouterProcess {
    private RouterProcess() {
    }

    public static void main(String[] args) throws Exception {
        String id = args[0];
        List<DomainEntry> entries = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] f = args[i].split(",");
            entries.add(new DomainEntry(f[0], f[1], Algorithm.named(f[2]), List.of(Address.parse(f[3])), List.of()));
        }
        JGroupsConfig groupConfig = new JGroupsConfig("jgroups/routers-tcp.xml", InetAddress.getLoopbackAddress(),
                JGroupsConfig.DEFAULT_MULTICAST_PORT, "interlay-bench-routers", Duration.ofMillis(500));
        JGroupsDiscoverer group = new JGroupsDiscoverer(groupConfig);
        group.start(new OverlayDirectory());
        RouterConfig defaults = RouterConfig.defaults(id, 0, entries.stream().map(DomainEntry::domain).toList());
        RouterConfig config = new RouterConfig(id, defaults.endpoint(), defaults.domains(), AgentPolicies.STANDARD,
                RelayMode.STATELESS, Duration.ofSeconds(10), Duration.ofSeconds(1), defaults.rejoinPeriod());
        EventLoop loop = new EventLoop("router-" + id);
        Router router = Router.start(config, new StaticDomainDirectory(entries),
                new NodeJoiner(loop, InetAddress.getLoopbackAddress(), OverlayLab::nodeConfig, new Random(id.hashCode()), 10_000),
                new GroupBridgeCoordinator(group, group));
        System.out.println("READY " + id + " " + router.sipAddress().getPort());
        System.out.flush();
        Thread.currentThread().join(); // serves until the process is killed
    }
}
