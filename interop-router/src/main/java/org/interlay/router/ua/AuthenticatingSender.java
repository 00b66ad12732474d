package org.interlay.router.ua;

import java.text.ParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.interlay.router.sip.RequestSender;
import org.interlay.router.sip.SipTransportException;
import org.interlay.router.sip.TransactionSender;

/**
 * Sends a user agent's requests and answers the digest challenges they meet: a 401 or 407 is answered
 * once with credentials (again once more if the agent only said the nonce had gone stale); a second
 * challenge ends the request, its reason saying the credentials were refused. Without credentials, the
 * challenge is the final response, its reason saying that a password is needed.
 */
final class AuthenticatingSender implements RequestSender {
    private final TransactionSender sender;
    private final Optional<DigestAnswers> answers;
    private final String who;

    AuthenticatingSender(TransactionSender sender, Optional<DigestAnswers> answers, String who) {
        this.sender = sender;
        this.answers = answers;
        this.who = who;
    }

    @Override
    public CompletableFuture<Response> send(Request request) {
        return send(request, provisional -> { }, resent -> { });
    }

    /**
     * Sends {@code request}; {@code resent} is told each request sent again with credentials (its CSeq
     * is one higher: what follows in the dialog counts from there).
     */
    CompletableFuture<Response> send(Request request, Consumer<Response> provisional, Consumer<Request> resent) {
        return sender.send(request, provisional).thenCompose(r -> answered(request, r, provisional, resent, 2));
    }

    private CompletableFuture<Response> answered(Request sent, Response response, Consumer<Response> provisional,
                                                 Consumer<Request> resent, int triesLeft) {
        if (!DigestAnswers.isChallenge(response)) return CompletableFuture.completedFuture(response);
        if (answers.isEmpty()) return explained(response, "no password given for " + who);
        boolean first = triesLeft == 2;
        if (!first && !DigestAnswers.isStale(response) || triesLeft == 0) {
            return explained(response, "the credentials of " + who + " were refused");
        }
        Optional<Request> retry = answers.get().answer(sent, response);
        if (retry.isEmpty()) return explained(response, "no challenge for the realm of " + who + " with SHA-256 or MD5");
        resent.accept(retry.get());
        return sender.send(retry.get(), provisional)
                .thenCompose(r -> answered(retry.get(), r, provisional, resent, triesLeft - 1));
    }

    private static CompletableFuture<Response> explained(Response response, String why) {
        try {
            response.setReasonPhrase(response.getReasonPhrase() + " (" + why + ")");
        } catch (ParseException e) {
            // keep the agent's own reason
        }
        return CompletableFuture.completedFuture(response);
    }

    @Override
    public void sendStateless(Request request) throws SipTransportException {
        sender.sendStateless(request);
    }
}
