package dev.promesa.contracts;

import java.time.Instant;
import java.util.List;

/** One documented interaction on a ticket; may carry a new promise and keep earlier ones. */
public record Interaction(
        String eventId,
        String ticketId,
        Instant occurredAt,
        InteractionKind kind,
        Channel channel,
        Author author,
        Visibility visibility,
        String body,
        CommitmentRequest commitment,
        List<String> fulfils) {

    /** A reply the user can see, from an agent: what keeps UPDATE and CALLBACK promises. (Not a bean getter, so not serialized.) */
    public boolean publicAgentResponse() {
        return visibility == Visibility.PUBLIC
                && author != null && author.role() == AuthorRole.AGENT
                && (kind == InteractionKind.AGENT_REPLY || kind == InteractionKind.CALL_SUMMARY);
    }
}
