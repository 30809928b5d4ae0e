package dev.promesa.notifier.writeback;

import java.time.Instant;

/**
 * The note of one notification, as the read API shows it ({@code writeBack} of a notification; null when its email
 * gets no note, or has not been picked up yet: within {@code promesa.write-back.poll-interval} of being sent).
 *
 * @param desk zammad, zendesk, jira or freshdesk
 * @param deskNoteId the id the desk gave the note, once written
 */
public record WriteBackView(WriteBackState state, String desk, int attempts, Instant nextAttemptAt,
        String lastError, String deskNoteId, Instant createdAt, Instant writtenAt) {
}
