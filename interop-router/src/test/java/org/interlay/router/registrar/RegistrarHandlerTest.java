package org.interlay.router.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sip.header.ContactHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.LocationService;
import org.interlay.router.proxy.RegisteredContacts;
import org.interlay.router.proxy.Routing;
import org.interlay.router.sip.ExpiryPolicy;
import org.interlay.router.sip.SipHeaders;
import org.interlay.router.testing.InMemoryOverlay;
import org.interlay.router.testing.RecordingExchange;
import org.interlay.time.VirtualScheduler;
import org.interlay.time.WallClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registrar between an in-memory overlay and a recording exchange, with time moved by hand. */
class RegistrarHandlerTest {
    private final InMemoryOverlay overlay = new InMemoryOverlay("chord");
    private final VirtualScheduler time = new VirtualScheduler();
    private final WallClock clock = new WallClock(time, java.time.Instant.parse("2026-01-01T00:00:00Z"));
    private final LocationService location = new LocationService(overlay, clock, Duration.ofHours(1), Duration.ZERO);
    private final RegistrarHandler registrar = new RegistrarHandler(
            d -> d.equals("chord.lab") ? Optional.of(location) : Optional.empty(), ExpiryPolicy.STANDARD, clock);
    private final RegisteredContacts contacts = new RegisteredContacts(
            d -> d.equals("chord.lab") ? Optional.of(location) : Optional.empty(), clock);

    @AfterEach
    void stop() {
        overlay.halt();
    }

    private static RecordingExchange register(String callId, int cseq, String... extra) {
        List<String> lines = new ArrayList<>(List.of("REGISTER sip:chord.lab SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK-" + callId + cseq,
                "Max-Forwards: 70", "From: <sip:bob@chord.lab>;tag=b1", "To: <sip:bob@chord.lab>",
                "Call-ID: " + callId, "CSeq: " + cseq + " REGISTER"));
        lines.addAll(List.of(extra));
        lines.add("Content-Length: 0");
        lines.add("");
        return RecordingExchange.of(lines.toArray(String[]::new));
    }

    private Response answer(RecordingExchange exchange) throws InterruptedException {
        assertTrue(registrar.handle(exchange));
        assertTrue(exchange.inTransaction());
        return exchange.awaitResponse();
    }

    private static List<String> contactsOf(Response r) {
        List<String> out = new ArrayList<>();
        for (ContactHeader c : SipHeaders.all(r, ContactHeader.NAME, ContactHeader.class)) {
            out.add(c.getAddress().getURI() + ";expires=" + c.getExpires());
        }
        return out;
    }

    private Routing route() throws Exception {
        RecordingExchange message = RecordingExchange.of("MESSAGE sip:bob@chord.lab SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:5091;branch=z9hG4bK-m", "Max-Forwards: 70",
                "From: <sip:alice@chord.lab>;tag=a1", "To: <sip:bob@chord.lab>", "Call-ID: m1", "CSeq: 1 MESSAGE",
                "Content-Length: 0", "");
        return contacts.find(message.request(), Set.of()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void severalContactsEachWithItsOwnExpiry() throws Exception {
        Response ok = answer(register("c1", 1, "Contact: <sip:bob@127.0.0.1:5090>;expires=120",
                "Contact: <sip:bob@127.0.0.1:6090>", "Expires: 600"));
        assertEquals(200, ok.getStatusCode());
        assertEquals(Set.of("sip:bob@127.0.0.1:5090;expires=120", "sip:bob@127.0.0.1:6090;expires=600"),
                Set.copyOf(contactsOf(ok)));
        assertEquals(2, ((Routing.Forward) route()).targets().size());
    }

    @Test
    void refreshExtendsAndExpiryEndsAContact() throws Exception {
        answer(register("c1", 1, "Contact: <sip:bob@127.0.0.1:5090>", "Expires: 120"));
        time.runFor(100_000);
        Response refreshed = answer(register("c1", 2, "Contact: <sip:bob@127.0.0.1:5090>", "Expires: 120"));
        assertEquals(List.of("sip:bob@127.0.0.1:5090;expires=120"), contactsOf(refreshed));
        time.runFor(100_000);
        assertTrue(route() instanceof Routing.Forward, "still registered after the first expiry time");
        time.runFor(30_000);
        Routing expired = route();
        assertEquals(480, ((Routing.Refuse) expired).status());
    }

    @Test
    void expiresZeroRemovesOneContactAndWildcardRemovesAll() throws Exception {
        answer(register("c1", 1, "Contact: <sip:bob@127.0.0.1:5090>", "Contact: <sip:bob@127.0.0.1:6090>"));
        Response one = answer(register("c1", 2, "Contact: <sip:bob@127.0.0.1:5090>;expires=0"));
        assertEquals(1, contactsOf(one).size());
        Response all = answer(register("c1", 3, "Contact: *", "Expires: 0"));
        assertEquals(200, all.getStatusCode());
        assertTrue(contactsOf(all).isEmpty());
        assertEquals(480, ((Routing.Refuse) route()).status(), "known address, nowhere to reach it");
    }

    @Test
    void registerWithoutContactListsTheBindings() throws Exception {
        answer(register("c1", 1, "Contact: <sip:bob@127.0.0.1:5090>", "Expires: 300"));
        int putsBefore = overlay.puts();
        Response listed = answer(register("c2", 1));
        assertEquals(List.of("sip:bob@127.0.0.1:5090;expires=300"), contactsOf(listed));
        assertEquals(putsBefore, overlay.puts(), "a query stores nothing");
    }

    @Test
    void refusals() throws Exception {
        Response tooBrief = answer(register("c1", 1, "Contact: <sip:bob@127.0.0.1:5090>", "Expires: 10"));
        assertEquals(423, tooBrief.getStatusCode());
        assertEquals(60, ((MinExpiresHeader) tooBrief.getHeader(MinExpiresHeader.NAME)).getExpires());
        assertEquals(400, answer(register("c1", 2, "Contact: *", "Expires: 60")).getStatusCode());
        assertEquals(420, answer(register("c1", 3, "Contact: <sip:bob@127.0.0.1:5090>", "Require: gruu")).getStatusCode());
        answer(register("c1", 10, "Contact: <sip:bob@127.0.0.1:5090>"));
        assertEquals(400, answer(register("c1", 9, "Contact: <sip:bob@127.0.0.1:5090>")).getStatusCode(),
                "an older REGISTER of the same Call-ID arriving late");
        RecordingExchange foreign = RecordingExchange.of("REGISTER sip:chord.lab SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK-f", "Max-Forwards: 70",
                "From: <sip:eve@kad.lab>;tag=e", "To: <sip:eve@kad.lab>", "Call-ID: f", "CSeq: 1 REGISTER",
                "Contact: <sip:eve@127.0.0.1:7000>", "Content-Length: 0", "");
        assertEquals(404, answer(foreign).getStatusCode());
    }

    @Test
    void registerForAnotherDomainIsNotTaken() {
        RecordingExchange other = RecordingExchange.of("REGISTER sip:kad.lab SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:5090;branch=z9hG4bK-k", "Max-Forwards: 70",
                "From: <sip:bob@kad.lab>;tag=b", "To: <sip:bob@kad.lab>", "Call-ID: k", "CSeq: 1 REGISTER",
                "Content-Length: 0", "");
        assertFalse(registrar.handle(other));
        assertTrue(other.sentSoFar().isEmpty());
    }

    @Test
    void unknownAddressIsNotFound() throws Exception {
        assertEquals(404, ((Routing.Refuse) route()).status());
        assertTrue(new AddressOfRecord("bob", "CHORD.lab").toString().endsWith("@chord.lab"));
    }
}
