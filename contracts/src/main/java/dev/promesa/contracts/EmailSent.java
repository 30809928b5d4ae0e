package dev.promesa.contracts;

import java.time.Instant;

/**
 * An email notifier sent about a ticket: the mail server accepted it. Published by notifier on
 * {@link Topics#HELPDESK_EVENTS} (ce_type {@link CloudEvents#TYPE_EMAIL_SENT}, ce_source the ticket's source), keyed
 * like the ticket's other events ({@link TicketRef#recordKey()}), so followup puts it on the ticket's timeline in order
 * with them. Published at least once: {@code eventId} is the same for every copy, and followup applies it once.
 *
 * @param eventId deterministic per (alert, recipient): {@code email-sent:} and the hash that also names the email's
 *        {@code Message-ID}
 * @param ticketId the ticket, as the help desk names it (the source is the record's {@code ce_source})
 * @param sentAt when the mail server accepted the email
 * @param alertId the alert the email was about
 * @param alertKind its kind
 * @param commitmentId the promise the alert was about; null for SLA alerts and satisfaction checks
 * @param recipientRole who the email was written for
 * @param recipient the address it went to (lower case); an address of the ticket's own source only
 * @param subject the subject line, as sent
 * @param language {@code es} or {@code en}
 * @param messageId the email's {@code Message-ID} header, angle brackets included
 */
public record EmailSent(
        String eventId,
        String ticketId,
        Instant sentAt,
        String alertId,
        AlertKind alertKind,
        String commitmentId,
        RecipientRole recipientRole,
        String recipient,
        String subject,
        String language,
        String messageId) {
}
