package dev.promesa.intake.webhook;

import java.util.Map;

import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketStatus;

/**
 * One help desk instance that may post webhooks: its name (the URL's last segment, {@code ce_source}), the secret its
 * deliveries are authenticated with, and its overrides of the desk's default status and priority names (keys as the
 * desk writes them, matched case-insensitively; see {@link NameMap}).
 */
public record WebhookSource(String name, String secret, Map<String, TicketStatus> statusMap,
        Map<String, Priority> priorityMap) {

    public WebhookSource {
        statusMap = Map.copyOf(statusMap);
        priorityMap = Map.copyOf(priorityMap);
    }

    /** A source with the desk's defaults only. */
    public static WebhookSource withDefaults(String name, String secret) {
        return new WebhookSource(name, secret, Map.of(), Map.of());
    }

    /** Never the secret: this record reaches log lines and test failure messages. */
    @Override
    public String toString() {
        return "WebhookSource[" + name + ", secret ***, status-map " + statusMap + ", priority-map " + priorityMap
                + "]";
    }
}
