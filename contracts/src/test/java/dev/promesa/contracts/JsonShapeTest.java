package dev.promesa.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The records' JSON (as every service's Jackson writes it) and the published schemas describe the same fields. */
class JsonShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final Person LUCIA = new Person("u-1", "Lucía", "lucia@example.com", "es-MX", "America/Mexico_City");

    @Test
    void ticketSnapshotMatchesItsSchema() throws IOException {
        TicketSnapshot ticket = new TicketSnapshot("e-1", "T-1", NOW, "VPN", Priority.P2, TicketStatus.OPEN,
                Channel.EMAIL, LUCIA, LUCIA, "desk", "default");
        JsonNode json = JSON.valueToTree(ticket);
        JsonNode schema = schema("ticket-snapshot.v1.schema.json");

        assertSameFields(json, schema);
        assertSameFields(json.get("requester"), schema.at("/$defs/person"));
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-26T09:00:00Z");
        assertThat(JSON.treeToValue(json, TicketSnapshot.class)).isEqualTo(ticket);
    }

    @Test
    void interactionMatchesItsSchemaAndKeepsHelpersOutOfTheWire() throws IOException {
        Interaction interaction = new Interaction("e-2", "T-1", NOW, InteractionKind.AGENT_REPLY, Channel.EMAIL,
                new Author("a-1", AuthorRole.AGENT), Visibility.PUBLIC, "Le escribo antes de las 11:00",
                new CommitmentRequest("c-1", CommitmentKind.UPDATE, NOW.plusSeconds(3600), "Estado", PromisedTo.USER),
                List.of("c-0"));
        JsonNode json = JSON.valueToTree(interaction);
        JsonNode schema = schema("interaction.v1.schema.json");

        assertSameFields(json, schema);
        assertSameFields(json.get("commitment"), schema.at("/properties/commitment/oneOf/1"));
        assertThat(json.has("publicAgentResponse")).isFalse();
        assertThat(JSON.treeToValue(json, Interaction.class)).isEqualTo(interaction);
    }

    @Test
    void alertMatchesItsSchemaWithDurationsAsIsoText() throws IOException {
        Alert alert = new Alert("commitment:c-1:r0:COMMITMENT_OVERDUE:0", AlertKind.COMMITMENT_OVERDUE, 0, "T-1",
                "desk", NOW, NOW, Duration.ofMinutes(65),
                new Alert.TicketContext("VPN", Priority.P2, TicketStatus.OPEN, LUCIA, null, "desk"),
                new Alert.CommitmentContext("c-1", CommitmentKind.UPDATE, "Estado", PromisedTo.USER, NOW, "...",
                        CommitmentOrigin.REQUEST, null, 0),
                new Alert.SlaContext(SlaMetric.RESOLUTION, Duration.ofHours(8), 100, "default"),
                new Alert.NextStep("c-1-next", NOW, NOW.plusSeconds(7200)));
        JsonNode json = JSON.valueToTree(alert);
        JsonNode schema = schema("alert.v1.schema.json");

        assertSameFields(json, schema);
        assertSameFields(json.get("ticket"), schema.at("/properties/ticket"));
        assertSameFields(json.get("commitment"), schema.at("/properties/commitment/oneOf/1"));
        assertSameFields(json.get("sla"), schema.at("/properties/sla/oneOf/1"));
        assertSameFields(json.get("nextStep"), schema.at("/properties/nextStep/oneOf/1"));
        assertThat(json.get("late").asText()).isEqualTo("PT1H5M");
        assertThat(JSON.treeToValue(json, Alert.class)).isEqualTo(alert);
    }

    @Test
    void emailSentMatchesItsSchema() throws IOException {
        EmailSent sent = new EmailSent("email-sent:0a1b", "T-1", NOW,
                "desk:commitment:c-1:r0:COMMITMENT_OVERDUE_USER:0",
                AlertKind.COMMITMENT_OVERDUE_USER, "c-1", RecipientRole.USER, "lucia@example.com",
                "Su solicitud «VPN»: le debemos una respuesta [#T-1]", "es", "<0a1b@notifier.promesa>");
        JsonNode json = JSON.valueToTree(sent);

        assertSameFields(json, schema("email-sent.v1.schema.json"));
        assertThat(json.get("sentAt").asText()).isEqualTo("2026-11-26T09:00:00Z");
        assertThat(JSON.treeToValue(json, EmailSent.class)).isEqualTo(sent);
    }

    @Test
    void alertWithdrawalMatchesItsSchema() throws IOException {
        AlertWithdrawal withdrawal = new AlertWithdrawal("desk:withdrawal:T-1:c-1:KEPT:1764147600000", "desk", "T-1",
                "c-1", AlertWithdrawal.Reason.KEPT, NOW);
        JsonNode json = JSON.valueToTree(withdrawal);

        assertSameFields(json, schema("alert-withdrawn.v1.schema.json"));
        assertThat(JSON.treeToValue(json, AlertWithdrawal.class)).isEqualTo(withdrawal);
    }

    @Test
    void theSchemasNameEveryAlertKind() throws IOException {
        List<String> kinds = Arrays.stream(AlertKind.values()).map(Enum::name).toList();

        assertThat(values(schema("alert.v1.schema.json").at("/properties/kind/enum"))).isEqualTo(kinds);
        assertThat(values(schema("email-sent.v1.schema.json").at("/properties/alertKind/enum"))).isEqualTo(kinds);
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void assertSameFields(JsonNode json, JsonNode schema) {
        Set<String> written = new HashSet<>();
        json.fieldNames().forEachRemaining(written::add);
        Set<String> described = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(described::add);
        assertThat(written).as("fields written vs described in the schema").isEqualTo(described);
        if (schema.has("required")) {
            schema.get("required").forEach(required -> assertThat(written).contains(required.asText()));
        }
    }

    private static JsonNode schema(String name) throws IOException {
        try (InputStream in = JsonShapeTest.class.getResourceAsStream("/schemas/" + name)) {
            return JSON.readTree(in);
        }
    }
}
