package dev.promesa.followup.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketRef;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.followup.HelpdeskEvents;

class EventParserTest {

    final EventParser parser = new EventParser(HelpdeskEvents.JSON);

    @Test
    void theHeaderIdWinsAndTheKeyFillsAMissingTicketId() {
        String value = "{\"occurredAt\":\"2026-11-26T09:00:00Z\",\"kind\":\"USER_MESSAGE\","
                + "\"author\":{\"id\":\"u\",\"role\":\"USER\"},\"visibility\":\"PUBLIC\",\"eventId\":\"payload-id\"}";
        HelpdeskEvent event = parser.parse(CloudEvents.TYPE_INTERACTION, "header-id", "desk", "T-9", value);
        assertThat(event.eventId()).isEqualTo("header-id");
        assertThat(event.ticketId()).isEqualTo("T-9");
        assertThat(event.source()).isEqualTo("desk");
        assertThat(((HelpdeskEvent.InteractionEvent) event).interaction().fulfils()).isEmpty();
    }

    @Test
    void thePayloadIdIsUsedWhenTheHeaderIsMissing() {
        var snapshot = HelpdeskEvents.ticket("T-1", Instant.parse("2026-11-26T09:00:00Z"), Priority.P2,
                TicketStatus.OPEN, null);
        HelpdeskEvent event = parser.parse(CloudEvents.TYPE_TICKET, null, "desk", "T-1", HelpdeskEvents.json(snapshot));
        assertThat(event.eventId()).isEqualTo(snapshot.eventId());
        assertThat(event).isInstanceOf(HelpdeskEvent.Snapshot.class);
    }

    @Test
    void everyMissingFieldIsNamed() {
        assertThatThrownBy(() -> parser.parse(CloudEvents.TYPE_INTERACTION, "e", "desk", "T-1",
                "{\"commitment\":{\"description\":\"x\"}}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("occurredAt, kind, author, visibility, commitment.kind, commitment.dueAt");
    }

    @Test
    void unreadableOrUntypedRecordsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> parser.parse(null, "e", "desk", "T-1", "{}")).hasMessageContaining("ce_type");
        assertThatThrownBy(() -> parser.parse("helpdesk.other.v1", "e", "desk", "T-1", "{}"))
                .hasMessageContaining("unknown ce_type 'helpdesk.other.v1'");
        assertThatThrownBy(() -> parser.parse(CloudEvents.TYPE_TICKET, "e", "desk", "T-1", "[1,"))
                .hasMessageContaining("not a readable helpdesk.ticket.v1 JSON");
        assertThatThrownBy(() -> parser.parse(CloudEvents.TYPE_TICKET, "e", "desk", "T-1",
                "{\"status\":\"ON_FIRE\"}")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> parser.parse(CloudEvents.TYPE_TICKET, "e", "desk", "T-1", ""))
                .hasMessageContaining("empty");
    }

    @Test
    void anEmailSentIsReadWithTheRecordKeysTicketAndItsMissingFieldsNamed() {
        String value = "{\"sentAt\":\"2026-11-26T09:00:00Z\",\"alertKind\":\"ESCALATED\",\"recipientRole\":\"LEAD\","
                + "\"recipient\":\"lead@example.com\",\"subject\":\"Promesa sin cumplir [#T-9]\"}";
        HelpdeskEvent event = parser.parse(CloudEvents.TYPE_EMAIL_SENT, "email-sent:ab", "desk", "desk/T-9", value);
        assertThat(event).isInstanceOf(HelpdeskEvent.EmailSentEvent.class);
        assertThat(event.eventId()).isEqualTo("email-sent:ab");
        assertThat(event.ticket()).isEqualTo(new TicketRef("desk", "T-9"));
        assertThat(((HelpdeskEvent.EmailSentEvent) event).email().recipient()).isEqualTo("lead@example.com");

        assertThatThrownBy(() -> parser.parse(CloudEvents.TYPE_EMAIL_SENT, "e", "desk", "desk/T-9", "{}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("sentAt, alertKind, recipientRole, recipient");
        assertThatThrownBy(() -> parser.parse(CloudEvents.TYPE_EMAIL_SENT, "e", "desk", "desk/T-9",
                value.replace("lead@example.com", "lead@example.com\\r\\nBcc: x@y.z")))
                .hasMessageContaining("recipient contains control characters");
    }
}
