package dev.promesa.notifier.desk;

import java.util.Optional;

import dev.promesa.notifier.recipient.RecipientResolver;
import dev.promesa.notifier.template.Letterhead;

/**
 * One source (help desk) as the notifier sees it, every setting resolved with its global fallback: who its alerts go
 * to, what its emails say about it, and who they come from.
 *
 * @param from the sender, {@code Name <address>}: the source's {@code mail-from}, else {@code quarkus.mailer.from}; the
 *        name, when that address has none, is the desk's display name
 * @param replyTo where users' replies go; empty: no Reply-To header
 */
public record Desk(String source, RecipientResolver recipients, Letterhead letterhead, String from,
        Optional<String> replyTo) {
}
