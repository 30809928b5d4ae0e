package dev.promesa.notifier.desk;

import dev.promesa.notifier.recipient.RecipientResolver;
import dev.promesa.notifier.template.Letterhead;

/**
 * One source (help desk) as the notifier sees it, every setting resolved with its global fallback: who its alerts go
 * to, what its emails say about it, and who they come from.
 *
 * @param from the sender, {@code "Desk name" <address>}: the address of the source's {@code mail-from}, else of
 *        {@code quarkus.mailer.from}; the name is the desk's display name, else the one that address carries
 * @param replyTo where replies go (the Reply-To header): the source's {@code reply-to}, else {@code promesa.reply-to},
 *        else the sender's address
 */
public record Desk(String source, RecipientResolver recipients, Letterhead letterhead, String from, String replyTo) {
}
