package dev.promesa.followup.duecheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.testsupport.TopicTail;

/** Reads a test ticket's records on {@code followup.alerts.v1} by their ce_type: alerts and withdrawals. */
final class AlertsTopic {

    private AlertsTopic() {
    }

    static List<Alert> alerts(TopicTail tail, String ticketId) {
        return records(tail, ticketId, CloudEvents.TYPE_ALERT).stream().map(HelpdeskEvents::alert).toList();
    }

    static List<AlertWithdrawal> withdrawals(TopicTail tail, String ticketId) {
        return records(tail, ticketId, CloudEvents.TYPE_ALERT_WITHDRAWN).stream().map(r -> {
            try {
                return HelpdeskEvents.JSON.readValue(r.value(), AlertWithdrawal.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not a withdrawal: " + r.value(), e);
            }
        }).toList();
    }

    static List<ConsumerRecord<String, String>> records(TopicTail tail, String ticketId, String type) {
        return tail.received().stream().filter(r -> HelpdeskEvents.key(ticketId).equals(r.key()))
                .filter(r -> type.equals(TopicTail.header(r, CloudEvents.HEADER_TYPE))).toList();
    }

    /** Due items of a ticket of this kind (an AlertKind, or ALERT_WITHDRAWN) still pending. */
    static long pending(DataSource dataSource, String ticketId, String kind) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from due_item where ticket_id = ? and kind = ?")) {
            count.setString(1, ticketId);
            count.setString(2, kind);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Due items of one promise still pending. */
    static long pendingOf(DataSource dataSource, String commitmentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from due_item where commitment_id = ?")) {
            count.setString(1, commitmentId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
