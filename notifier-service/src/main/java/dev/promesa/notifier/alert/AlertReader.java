package dev.promesa.notifier.alert;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.Alert;

/** Parses an alert record and checks the fields without which no email can be written. */
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
        require(alert.alertId() != null && !alert.alertId().isBlank(), "alertId is missing");
        require(alert.kind() != null, "kind is missing");
        require(alert.ticketId() != null && !alert.ticketId().isBlank(), "ticketId is missing");
        require(alert.ticket() != null, "ticket (the ticket context) is missing");
        require(alert.alertId().length() <= 200 && alert.ticketId().length() <= 200,
                "alertId and ticketId must be at most 200 characters");
        return alert;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new UnreadableAlertException("invalid alert: " + problem);
        }
    }
}
