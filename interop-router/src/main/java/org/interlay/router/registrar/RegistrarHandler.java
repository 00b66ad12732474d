package org.interlay.router.registrar;

import java.text.ParseException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.sip.InvalidArgumentException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.location.AddressOfRecord;
import org.interlay.router.location.Binding;
import org.interlay.router.location.BindingRefusedException;
import org.interlay.router.location.BindingSet;
import org.interlay.router.location.LocationService;
import org.interlay.router.sip.ExpiryPolicy;
import org.interlay.router.sip.ServerExchange;
import org.interlay.router.sip.SipFactories;
import org.interlay.router.sip.SipHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar of the domains served here (RFC 3261 section 10.3): takes a REGISTER whose
 * Request-URI is such a domain, stores the bindings of its To address in the domain's overlay and
 * answers 200 with every current binding. Refuses an address of another domain (404), extensions it
 * does not know (420), expiries below the policy (423), contacts it cannot keep (403), bad requests
 * (400); an overlay that cannot be reached gives 503.
 */
public final class RegistrarHandler implements SipHandler {
    private static final Logger log = LoggerFactory.getLogger(RegistrarHandler.class);

    private final Function<String, Optional<LocationService>> locations;
    private final ExpiryPolicy policy;
    private final InstantSource clock;
    private final BiConsumer<AddressOfRecord, URI> registered;

    public RegistrarHandler(Function<String, Optional<LocationService>> locations, ExpiryPolicy policy, InstantSource clock) {
        this(locations, policy, clock, (aor, contact) -> { });
    }

    /**
     * @param registered told, after the 200 is sent, of each REGISTER that bound a contact: the address
     *                   and the first contact it bound (offline messages are delivered there)
     */
    public RegistrarHandler(Function<String, Optional<LocationService>> locations, ExpiryPolicy policy, InstantSource clock,
                            BiConsumer<AddressOfRecord, URI> registered) {
        this.locations = locations;
        this.policy = policy;
        this.clock = clock;
        this.registered = registered;
    }

    @Override
    public boolean handle(ServerExchange exchange) {
        Request request = exchange.request();
        if (!request.getMethod().equals(Request.REGISTER) || !(request.getRequestURI() instanceof SipURI uri)) return false;
        Optional<LocationService> location = locations.apply(uri.getHost().toLowerCase(java.util.Locale.ROOT));
        if (location.isEmpty()) return false;
        if (!exchange.enterTransaction()) return true;
        RequireHeader require = (RequireHeader) request.getHeader(RequireHeader.NAME);
        if (require != null) {
            exchange.send(unsupported(exchange, require));
            return true;
        }
        Optional<AddressOfRecord> aor = AddressOfRecord.of(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
        if (aor.isEmpty() || !aor.get().domain().equalsIgnoreCase(uri.getHost())) {
            exchange.respond(Response.NOT_FOUND, "Address not of this domain");
            return true;
        }
        RegisterRequest register;
        try {
            register = RegisterRequest.read(request, policy);
        } catch (BindingRefusedException e) {
            refuse(exchange, e);
            return true;
        }
        var stored = register.contacts().isEmpty() && !register.removeAll()
                ? location.get().find(aor.get()).thenApply(found -> found.orElse(BindingSet.empty(aor.get())))
                : location.get().update(aor.get(), (current, now) -> BindingUpdates.apply(current, register, now));
        stored.whenComplete((bindings, error) -> {
            if (error == null) {
                exchange.send(ok(exchange, bindings, clock.instant()));
                register.contacts().stream().filter(c -> c.seconds() > 0).findFirst()
                        .ifPresent(c -> registered.accept(aor.get(), c.uri()));
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof BindingRefusedException refused) {
                refuse(exchange, refused);
            } else {
                log.debug("cannot store the bindings of {}: {}", aor.get(), cause.toString());
                exchange.respond(Response.SERVICE_UNAVAILABLE, "Overlay unreachable");
            }
        });
        return true;
    }

    private static Response ok(ServerExchange exchange, BindingSet bindings, Instant now) {
        Response response = exchange.response(Response.OK);
        HeaderFactory headers = SipFactories.get().headers();
        try {
            for (Binding b : bindings.live(now)) {
                ContactHeader contact = headers.createContactHeader(
                        SipFactories.get().addresses().createAddress(SipFactories.get().addresses().createURI(b.contact())));
                contact.setExpires((int) Math.min(Integer.MAX_VALUE, b.secondsLeft(now)));
                if (b.q() != 1000) contact.setQValue(b.q() / 1000f);
                response.addHeader(contact);
            }
            Calendar date = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
            date.setTimeInMillis(now.toEpochMilli());
            response.setHeader(headers.createDateHeader(date));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot list the bindings of " + bindings.aor(), e);
        }
        return response;
    }

    private static Response unsupported(ServerExchange exchange, RequireHeader require) {
        Response response = exchange.response(Response.BAD_EXTENSION);
        try {
            response.setHeader(SipFactories.get().headers().createUnsupportedHeader(require.getOptionTag()));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot name an unsupported option", e);
        }
        return response;
    }

    private static void refuse(ServerExchange exchange, BindingRefusedException refused) {
        Response response = exchange.response(refused.status());
        try {
            response.setReasonPhrase(refused.getMessage());
            if (refused.minExpiresSeconds() >= 0) {
                response.setHeader(SipFactories.get().headers().createMinExpiresHeader((int) refused.minExpiresSeconds()));
            }
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot refuse a REGISTER with " + refused.status(), e);
        }
        exchange.send(response);
    }
}
