package dev.promesa.intake;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid request bodies that tests then break one field at a time. */
final class SampleEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY_A = "test-key-a";
    static final String KEY_B = "test-key-b";
    /** Source *: reads every source, posts nothing. */
    static final String OPERATOR_KEY = "test-operator-key";

    private SampleEvents() {
    }

    static String newTicketId() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ObjectNode ticket(String ticketId) {
        ObjectNode ticket = JSON.createObjectNode();
        ticket.put("eventId", "evt-" + UUID.randomUUID());
        ticket.put("ticketId", ticketId);
        ticket.put("occurredAt", "2026-11-26T09:00:00Z");
        ticket.put("subject", "La VPN no conecta desde casa");
        ticket.put("priority", "P2");
        ticket.put("status", "OPEN");
        ticket.put("channel", "EMAIL");
        ObjectNode requester = ticket.putObject("requester");
        requester.put("id", "u-17");
        requester.put("name", "Lucía Fernández");
        requester.put("email", "lucia.fernandez@example.com");
        requester.put("locale", "es-ES");
        requester.put("timeZone", "Europe/Madrid");
        ObjectNode assignee = ticket.putObject("assignee");
        assignee.put("id", "a-3");
        assignee.put("name", "Jorge Ruiz");
        assignee.put("email", "jorge.ruiz@example.com");
        ticket.put("team", "service-desk");
        return ticket;
    }

    static ObjectNode interaction(String ticketId) {
        ObjectNode interaction = JSON.createObjectNode();
        interaction.put("eventId", "evt-" + UUID.randomUUID());
        interaction.put("occurredAt", "2026-11-26T09:05:00Z");
        interaction.put("kind", "AGENT_REPLY");
        interaction.put("channel", "EMAIL");
        ObjectNode author = interaction.putObject("author");
        author.put("id", "a-3");
        author.put("role", "AGENT");
        interaction.put("visibility", "PUBLIC");
        interaction.put("body", "Estamos revisando la configuración de su VPN. Le escribo antes de las 11:00.");
        ObjectNode commitment = interaction.putObject("commitment");
        commitment.put("commitmentId", "c-" + ticketId);
        commitment.put("kind", "UPDATE");
        commitment.put("dueAt", "2026-11-26T10:00:00Z");
        commitment.put("description", "Informar del estado de la VPN");
        commitment.put("promisedTo", "USER");
        interaction.putArray("fulfils").add("c-earlier");
        return interaction;
    }
}
