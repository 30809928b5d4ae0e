package dev.promesa.followup.operator;

import java.time.Instant;

/**
 * One of notifier's notifications as the operations page shows it: the recipient masked ({@code l***@example.com},
 * api-security's {@code EmailMask}) and the last error masked and shortened, since the page is read on screens
 * others may see. {@code failingSince}, {@code heldUntil} and {@code createdAt} may be null.
 */
record EmailRow(String id, String source, String recipient, String kind, String ticketId, String state, int attempts,
        int resends, String lastError, Instant createdAt, Instant failingSince, Instant heldUntil) {
}
