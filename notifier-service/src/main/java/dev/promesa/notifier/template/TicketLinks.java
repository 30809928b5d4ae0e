package dev.promesa.notifier.template;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Builds the link to a ticket from {@code promesa.ticket-url-template}; the id is URL-encoded as one path segment. */
public final class TicketLinks {
    static final String PLACEHOLDER = "{ticketId}";

    private final Optional<String> template;

    public TicketLinks(Optional<String> template) {
        this.template = template.filter(t -> !t.isBlank());
    }

    public Optional<String> link(String ticketId) {
        return template.map(t -> t.replace(PLACEHOLDER,
                URLEncoder.encode(ticketId == null ? "" : ticketId, StandardCharsets.UTF_8).replace("+", "%20")));
    }
}
