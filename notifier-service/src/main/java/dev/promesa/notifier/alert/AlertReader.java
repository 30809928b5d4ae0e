package dev.promesa.notifier.alert;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.TicketRef;

/**
 * Parses an alert record and checks the fields without which no email can be written, and that every text in it can be
 * stored and mailed: no NUL (PostgreSQL text refuses it) and no unpaired UTF-16 surrogate (not encodable as UTF-8).
 * Hostile but valid text (markup, CR/LF, template syntax) passes: the templates escape it and subjects are one line.
 */
@ApplicationScoped
public class AlertReader {

    private final ObjectMapper mapper;

    AlertReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Alert read(String json) {
        if (json == null || json.isBlank()) {
            throw new UnreadableAlertException("empty record value; expected the JSON of an Alert");
        }
        Alert alert;
        try {
            alert = mapper.readValue(json, Alert.class);
        } catch (JsonProcessingException e) {
            throw new UnreadableAlertException("not the JSON of an Alert: " + e.getOriginalMessage(), e);
        }
        require(alert != null, "the value is JSON null");
        require(alert.alertId() != null && !alert.alertId().isBlank(), "alertId is missing");
        require(alert.kind() != null, "kind is missing");
        require(alert.ticketId() != null && !alert.ticketId().isBlank(), "ticketId is missing");
        require(alert.ticket() != null, "ticket (the ticket context) is missing");
        require(alert.alertId().length() <= 500 && alert.ticketId().length() <= 200,
                "alertId must be at most 500 characters, ticketId at most 200");
        require(alert.source() == null || TicketRef.isSourceName(alert.source()),
                "source is not a source name (1 to 100 letters, digits and . _ ~ -)");
        storable("alertId", alert.alertId());
        storable("ticketId", alert.ticketId());
        storable("source", alert.source());
        Alert.TicketContext ticket = alert.ticket();
        storable("ticket.subject", ticket.subject());
        storable("ticket.team", ticket.team());
        person("ticket.requester", ticket.requester());
        person("ticket.assignee", ticket.assignee());
        if (alert.commitment() != null) {
            storable("commitment.commitmentId", alert.commitment().commitmentId());
            storable("commitment.description", alert.commitment().description());
            storable("commitment.agentWords", alert.commitment().agentWords());
            storable("commitment.quote", alert.commitment().quote());
        }
        if (alert.sla() != null) {
            storable("sla.policy", alert.sla().policy());
        }
        return alert.source() != null ? alert : withSource(alert, UNKNOWN_SOURCE);
    }

    /**
     * Alerts raised before sources existed may carry none; they belong to {@value #UNKNOWN_SOURCE}, as followup's
     * upgrade files their tickets, and an operator key reads them there.
     */
    static final String UNKNOWN_SOURCE = "unknown";

    private static Alert withSource(Alert a, String source) {
        return new Alert(a.alertId(), a.kind(), a.level(), a.ticketId(), source, a.firedAt(), a.dueAt(), a.late(),
                a.ticket(), a.commitment(), a.sla(), a.nextStep());
    }

    private static void person(String field, Person person) {
        if (person != null) {
            storable(field + ".id", person.id());
            storable(field + ".name", person.name());
            storable(field + ".email", person.email());
            storable(field + ".locale", person.locale());
            storable(field + ".timeZone", person.timeZone());
        }
    }

    private static void storable(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            require(c != '\u0000', field + " contains NUL (\\u0000)");
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else {
                require(!Character.isSurrogate(c), field + " contains an unpaired UTF-16 surrogate at character " + i);
            }
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new UnreadableAlertException("invalid alert: " + problem);
        }
    }
}
