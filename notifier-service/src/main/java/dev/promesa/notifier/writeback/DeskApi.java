package dev.promesa.notifier.writeback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import dev.promesa.config.SourcesConfig.WriteBack.Desk;

/**
 * Adds one internal note to one ticket of one desk, the way that desk's API documents it. The ticket id is the desk's
 * own visible id, as the inbound webhooks map it (docs/webhooks/): Zammad's ticket number, Zendesk's and Freshdesk's
 * ticket id, Jira's issue key.
 */
interface DeskApi {

    /**
     * @return the id the desk gave the note, if its answer names one
     * @throws DeskCallFailure when the desk did not take it
     */
    String write(DeskAccount account, String ticketId, String note) throws DeskCallFailure;

    static DeskApi of(Desk desk, DeskHttp http) {
        return switch (desk) {
            case ZAMMAD -> new ZammadApi(http);
            case ZENDESK -> new ZendeskApi(http);
            case JIRA -> new JiraApi(http);
            case FRESHDESK -> new FreshdeskApi(http);
        };
    }

    /** One path segment, percent-encoded (a space as {@code %20}, not {@code +}). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code query} as a query parameter value. */
    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code node.field} as text, or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** Zendesk and Freshdesk number their tickets; anything else would only earn a 404. */
    static long numericId(Desk desk, String ticketId) throws DeskCallFailure {
        try {
            long id = Long.parseLong(ticketId.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw DeskCallFailure.permanent(desk.name().charAt(0) + desk.name().substring(1).toLowerCase()
                + " ticket ids are numbers; '" + ticketId + "' is not one (did this ticket come from another desk?)");
    }
}
