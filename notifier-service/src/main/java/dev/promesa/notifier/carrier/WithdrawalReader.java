package dev.promesa.notifier.carrier;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.TicketRef;

/**
 * Tells withdrawals from alerts on the alerts topic (header {@code ce_type} {@value CloudEvents#TYPE_ALERT_WITHDRAWN})
 * and parses them, checking the fields a withdrawal cannot do without. A record that fails is refused with an
 * {@link IllegalArgumentException}: the poll processor dead-letters it like an unreadable alert.
 */
@ApplicationScoped
public class WithdrawalReader {
    private final ObjectMapper mapper;

    WithdrawalReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Whether the record is a withdrawal (by its CloudEvents type). */
    public static boolean isWithdrawal(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEvents.HEADER_TYPE);
        return type != null && type.value() != null
                && CloudEvents.TYPE_ALERT_WITHDRAWN.equals(new String(type.value(), StandardCharsets.UTF_8));
    }

    public AlertWithdrawal read(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("empty record value; expected the JSON of an AlertWithdrawal");
        }
        AlertWithdrawal w;
        try {
            w = mapper.readValue(json, AlertWithdrawal.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the JSON of an AlertWithdrawal: " + e.getOriginalMessage(), e);
        }
        require(w != null, "the value is JSON null");
        require(w.withdrawalId() != null && !w.withdrawalId().isBlank(), "withdrawalId is missing");
        require(w.source() != null && TicketRef.isSourceName(w.source()),
                "source is missing or not a source name (1 to 100 letters, digits and . _ ~ -)");
        require(w.ticketId() != null && !w.ticketId().isBlank() && w.ticketId().length() <= 200,
                "ticketId is missing or longer than 200 characters");
        require(w.reason() != null, "reason is missing");
        require(w.at() != null, "at is missing");
        return w;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("invalid alert withdrawal: " + problem);
        }
    }
}
