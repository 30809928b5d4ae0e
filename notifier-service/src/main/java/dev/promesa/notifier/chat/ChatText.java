package dev.promesa.notifier.chat;

import java.util.List;

/**
 * What one chat message says, in its reader's language and zone, before any product's format: plain text, nothing
 * escaped yet ({@link ChatPayloads} escapes it for each product). The notification log keeps it as the row's text,
 * so the message is rendered for the channel's product when it is sent.
 *
 * @param language {@code es} or {@code en}
 * @param headline what happened ("Promesa vencida")
 * @param ticket the ticket reference and subject ("Ticket HD-1042 «No puedo conectarme a la VPN»")
 * @param facts the promise (or the service level target), when it is due, how late
 * @param people who is assigned, which team
 * @param url the ticket's link, null without {@code promesa.ticket-url-template}
 * @param linkLabel the link's words ("Abrir el ticket")
 */
public record ChatText(String language, String headline, String ticket, List<String> facts, String people,
        String url, String linkLabel) {
}
