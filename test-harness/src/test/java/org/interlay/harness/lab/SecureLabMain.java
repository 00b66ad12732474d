package org.interlay.harness.lab;

import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.interlay.harness.peer.OverlayPeer;
import org.interlay.overlay.Record;
import org.interlay.overlay.secure.OverlayTrust;
import org.interlay.router.Router;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.LocationService;
import org.interlay.router.ua.Call;
import org.interlay.router.ua.IncomingMessage;
import org.interlay.router.ua.SipOutcome;
import org.interlay.router.ua.UserAgent;
import org.interlay.router.ua.UserAgentConfig;
import org.interlay.trust.Aor;
import org.interlay.trust.CertifiedIdentity;
import org.interlay.trust.Role;
import org.interlay.trust.TrustStore;

/**
 * A secure lab, attacked and used, inside the network namespace {@link SecureLabTest} made: users with
 * the lab's passwords message and call across the router (over TLS between agents and router, the
 * identity asserted); a REGISTER without the password gets 401 and binds nothing; a MESSAGE claiming
 * alice from a client without credentials is refused; every record a peer holds is signed by an
 * enrolled writer of the right role. Prints one line per check; exit 0 only when all hold.
 */
public final class SecureLabMain {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final PrintStream out = System.out;

    private SecureLabMain() {
    }

    public static void main(String[] args) throws Exception {
        LabConfig config = LabConfig.standard(4, 1, 4, 1, InetAddress.getLoopbackAddress()).secured();
        try (Lab lab = Lab.start(config, out)) {
            check(lab.authority().isPresent(), "the lab is secure");
            LabAuthority authority = lab.authority().orElseThrow();
            TrustStore trust = authority.trustStore();
            for (LabOverlay o : lab.overlays()) {
                for (OverlayPeer p : o.peers()) {
                    OverlayTrust enrolment = p.node().config().secure().orElseThrow();
                    check(p.node().self().id().equals(enrolment.nodeId()), p.spec().nodeId() + " sits at its certificate's node-id");
                }
            }
            var chord = lab.entryPoint("chord.lab").orElseThrow();
            var kad = lab.entryPoint("kad.lab").orElseThrow();
            InetAddress bind = config.bind();

            // an intruder claims alice: REGISTER without the password, then a MESSAGE with her From
            try (UserAgent intruder = UserAgent.start(UserAgentConfig.of("sip:alice@chord.lab", chord, bind))) {
                SipOutcome register = intruder.register(Duration.ofMinutes(10)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                check(register.status() == 401, "REGISTER for alice without the password: " + register);
                LocationService chordLocation = new LocationService(lab.overlay("chord").orElseThrow().peers().get(0).node(),
                        java.time.InstantSource.system(), Duration.ofHours(1), Duration.ZERO);
                Optional<?> binding = chordLocation.find(new AddressOfRecord("alice", "chord.lab")).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                check(binding.isEmpty(), "no binding for alice after it: " + binding);
            }

            UserAgent bob = UserAgent.start(UserAgentConfig.of("sip:bob@kad.lab", kad, bind)
                    .withPassword(lab.passwordFor(Aor.parse("sip:bob@kad.lab")).orElseThrow()));
            UserAgent alice = UserAgent.start(UserAgentConfig.of("sip:alice@chord.lab", chord, bind)
                    .withPassword(lab.passwordFor(Aor.parse("sip:alice@chord.lab")).orElseThrow()));
            try (bob; alice) {
                List<IncomingMessage> received = new CopyOnWriteArrayList<>();
                bob.onMessage(received::add);
                check(bob.register(Duration.ofMinutes(10)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).isSuccess(), "bob registers");
                check(alice.register(Duration.ofMinutes(10)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).isSuccess(),
                        "alice registers with the password the lab made");

                try (UserAgent forger = UserAgent.start(UserAgentConfig.of("sip:alice@chord.lab", chord, bind))) {
                    SipOutcome forged = forger.sendMessage("sip:bob@kad.lab", "forged").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    check(!forged.isSuccess(), "a MESSAGE from alice by a client without credentials is refused: " + forged);
                }

                SipOutcome sent = alice.sendMessage("sip:bob@kad.lab", "hello across").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                check(sent.isSuccess(), "alice's MESSAGE to bob across the router: " + sent);
                check(await(() -> received.stream().anyMatch(m -> m.text().equals("hello across"))), "bob received it");
                check(received.stream().noneMatch(m -> m.text().equals("forged")), "bob never received the forged one");
                Router router = lab.routers().get(0).router();
                check(router.tlsAddress().isPresent(), "the router serves TLS at " + router.tlsAddress().orElse(null));
                check(router.identityRefusals().count() == 0, "the router refused no asserted identity");

                Call call = alice.call("sip:bob@kad.lab");
                check(await(() -> !bob.calls().isEmpty()), "bob's phone rings");
                Call incoming = bob.calls().get(0);
                bob.answer(incoming);
                check(await(() -> call.state() == Call.State.ESTABLISHED && incoming.state() == Call.State.ESTABLISHED),
                        "the call is established both ways: " + call.state() + ", " + incoming.state());
                SipOutcome bye = bob.hangup(incoming).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                check(bye.isSuccess() && await(() -> call.state() == Call.State.ENDED), "bob's BYE crosses back: " + bye);
            }

            int records = 0;
            for (LabOverlay o : lab.overlays()) {
                for (OverlayPeer p : o.peers()) {
                    for (Record r : p.node().heldRecords()) {
                        records++;
                        check(r.signature() != null, o.domain() + " " + p.spec().nodeId() + " holds " + r.kind() + " " + r.name() + " signed");
                        CertifiedIdentity signer = trust.verify(r.signature().certificate(),
                                r.kind().equals("sip-bridge") ? Role.ROUTER : Role.AGENT, Instant.now());
                        check(r.kind().equals("sip-bridge") || signer.domain().orElseThrow().equals(o.domain()),
                                r.kind() + " " + r.name() + " signed by " + signer);
                    }
                }
            }
            check(records > 0, records + " records held, every one signed by an enrolled writer of its kind's role");
        }
        out.println("ALL CHECKS HELD");
        out.flush();
        System.exit(0);
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(20);
        }
        return true;
    }

    private static void check(boolean held, String what) {
        out.println((held ? "ok: " : "FAILED: ") + what);
        out.flush();
        if (!held) System.exit(1);
    }
}
