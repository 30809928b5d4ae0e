package dev.promesa.followup.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.promesa.followup.web.Times;
import dev.promesa.followup.web.Viewer;

/**
 * Every email notifier holds for one ticket, whatever became of it: sent, waiting for the recipient's working hours,
 * carried in a digest or a gathered apology, withdrawn because the promise was kept, or failed. The ticket page shows
 * them beside the history (where only the sent ones appear). Read from notifier's API like the operations page; empty
 * when notifier is not connected or does not answer, which the page says.
 */
@ApplicationScoped
public class TicketEmails {

    /** One email as the ticket page lists it; {@code held} with the time it will go, in the viewer's words. */
    public record Email(String state, String kind, String recipient, String at, boolean held, int attempts) {
    }

    private final NotifierApi notifier;
    private final Clock clock;

    TicketEmails(NotifierApi notifier, Clock clock) {
        this.notifier = notifier;
        this.clock = clock;
    }

    /** The ticket's emails, newest first; empty when notifier is not connected or unreachable. */
    public Optional<List<Email>> of(Viewer viewer, String ticketId) {
        if (!notifier.connected()) {
            return Optional.empty();
        }
        try {
            NotifierApi.Reply reply = NotifierApi.await(notifier.ofTicket(viewer.source(), ticketId));
            if (!reply.ok()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            return Optional.of(NotifierAnswers.listing(reply.body(), viewer.source()).rows().stream()
                    .filter(r -> ticketId.equals(r.ticketId()))
                    .map(r -> new Email(r.state(), r.kind(), r.recipient(), Times.at(r.heldUntil() != null
                            ? r.heldUntil()
                            : r.createdAt(), now, viewer.zone(), viewer.language()), r.heldUntil() != null
                                    && "PENDING".equals(r.state()),
                            r.attempts()))
                    .toList());
        } catch (NotifierApi.Unreachable | NotifierAnswers.UnreadableAnswer e) {
            return Optional.empty();
        }
    }
}
