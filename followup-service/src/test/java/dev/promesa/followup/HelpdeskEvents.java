package dev.promesa.followup;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.Author;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.EmailSent;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.contracts.Visibility;
import dev.promesa.testsupport.KafkaBroker;

/** Builds help desk events and puts them on helpdesk.events.v1 exactly as intake does (key, CloudEvents headers). */
public final class HelpdeskEvents {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    public static final String SOURCE = "desk-test";
    public static final Person REQUESTER = new Person("u-lucia", "Lucía Fernández", "lucia@example.com", "es-ES",
            "Europe/Madrid");
    public static final Person ASSIGNEE = new Person("a-jorge", "Jorge Ruiz", "jorge@example.com", "es-ES", null);
    public static final String TEAM = "network";

    private HelpdeskEvents() {
    }

    public static String newTicketId() {
        return "T-" + UUID.randomUUID();
    }

    public static String newEventId() {
        return "e-" + UUID.randomUUID();
    }

    public static TicketSnapshot ticket(String ticketId, Instant at, Priority priority, TicketStatus status,
            String slaPolicy) {
        return new TicketSnapshot(newEventId(), ticketId, at, "La VPN no conecta desde casa", priority, status,
                Channel.EMAIL, REQUESTER, ASSIGNEE, TEAM, slaPolicy);
    }

    public static Interaction agentReply(String ticketId, Instant at, String body, CommitmentRequest commitment) {
        return new Interaction(newEventId(), ticketId, at, InteractionKind.AGENT_REPLY, Channel.EMAIL,
                new Author(ASSIGNEE.id(), AuthorRole.AGENT), Visibility.PUBLIC, body, commitment, List.of());
    }

    public static Interaction userMessage(String ticketId, Instant at) {
        return new Interaction(newEventId(), ticketId, at, InteractionKind.USER_MESSAGE, Channel.EMAIL,
                new Author(REQUESTER.id(), AuthorRole.USER), Visibility.PUBLIC, "Sigue sin funcionar", null,
                List.of());
    }

    public static CommitmentRequest update(Instant dueAt) {
        return new CommitmentRequest(null, CommitmentKind.UPDATE, dueAt, "Enviar una actualización del diagnóstico",
                PromisedTo.USER);
    }

    public static void send(TicketSnapshot snapshot) {
        send(SOURCE, snapshot);
    }

    public static void send(Interaction interaction) {
        send(SOURCE, interaction);
    }

    /** As the help desk {@code source} would, through intake. */
    public static void send(String source, TicketSnapshot snapshot) {
        send(source, snapshot.ticketId(), CloudEvents.TYPE_TICKET, snapshot.eventId(), json(snapshot));
    }

    public static void send(String source, Interaction interaction) {
        send(source, interaction.ticketId(), CloudEvents.TYPE_INTERACTION, interaction.eventId(), json(interaction));
    }

    /** An email notifier sent about a ticket of {@code source}, as notifier publishes it. */
    public static void send(String source, EmailSent email) {
        send(source, email.ticketId(), CloudEvents.TYPE_EMAIL_SENT, email.eventId(), json(email));
    }

    /** Any record, including broken ones, with intake's headers. */
    public static void send(String ticketId, String type, String eventId, String value) {
        send(SOURCE, ticketId, type, eventId, value);
    }

    private static void send(String source, String ticketId, String type, String eventId, String value) {
        Map<String, String> headers = new HashMap<>();
        headers.put(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        headers.put(CloudEvents.HEADER_ID, eventId);
        headers.put(CloudEvents.HEADER_TYPE, type);
        headers.put(CloudEvents.HEADER_SOURCE, source);
        headers.put(CloudEvents.HEADER_TIME, Instant.now().toString());
        headers.put(CloudEvents.HEADER_SUBJECT, ticketId);
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        KafkaBroker.shared().send(Topics.HELPDESK_EVENTS, new TicketRef(source, ticketId).recordKey(), value,
                headers);
    }

    /** The record key of a test ticket's events and alerts (source desk-test). */
    public static String key(String ticketId) {
        return new TicketRef(SOURCE, ticketId).recordKey();
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Alert alert(ConsumerRecord<String, String> record) {
        try {
            return JSON.readValue(record.value(), Alert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not an alert: " + record.value(), e);
        }
    }

    public static List<Alert> alertsOf(List<ConsumerRecord<String, String>> records, String ticketId) {
        return alertsOf(records, new TicketRef(SOURCE, ticketId));
    }

    public static List<Alert> alertsOf(List<ConsumerRecord<String, String>> records, TicketRef ticket) {
        return records.stream().filter(r -> ticket.recordKey().equals(r.key())).map(HelpdeskEvents::alert).toList();
    }
}
