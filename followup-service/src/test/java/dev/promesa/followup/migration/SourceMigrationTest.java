package dev.promesa.followup.migration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Author;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.InteractionKind;
import dev.promesa.contracts.Visibility;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.testsupport.PostgresDatabase;

/**
 * The database of this module's tests was created at schema version 3 and filled by the code before sources
 * ({@link LegacyDatabase}); Quarkus upgraded it at start. Every old row must have come through, under the source
 * recorded on its ticket, and every read must answer for it.
 */
@QuarkusTest
class SourceMigrationTest {

    static final String LEGACY_KEY = "legacy-desk-key";
    static final String OPERATOR_KEY = "followup-operator-key";

    @Test
    void oldTicketsTimelinesPromisesAndClocksAreReadUnderTheirSource() {
        given().header("X-Api-Key", LEGACY_KEY).get("/api/v1/tickets/L-1001").then().statusCode(200)
                .body("source", equalTo("legacy-desk"))
                .body("subject", equalTo("La impresora de la 3.ª planta no imprime"))
                .body("requester.email", equalTo("ana.gil@example.com"))
                .body("commitments.commitmentId", contains("legacy-c-1"))
                .body("commitments[0].state", equalTo("OPEN"))
                .body("commitments[0].source", equalTo("legacy-desk"))
                .body("clocks.metric", contains("FIRST_RESPONSE", "RESOLUTION"));
        given().header("X-Api-Key", LEGACY_KEY).get("/api/v1/tickets/L-1001/timeline").then().statusCode(200)
                .body("eventId[0]", equalTo("legacy-e-2")).body("eventId[1]", equalTo("legacy-e-3"));
        given().header("X-Api-Key", LEGACY_KEY).get("/api/v1/tickets/L-1002").then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("commitments[0].state", equalTo("KEPT"));
        given().header("X-Api-Key", LEGACY_KEY).get("/api/v1/commitments?state=OPEN").then().statusCode(200)
                .body("commitmentId", contains("legacy-c-1"));
        given().header("X-Api-Key", LEGACY_KEY)
                .get("/api/v1/reports/service-review?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z")
                .then().statusCode(200)
                .body("commitments.byAgent.find { it.key == 'a-3' }.met", equalTo(1))
                .body("sla.byPriority.find { it.key == 'P3' }.met", equalTo(1));
    }

    @Test
    void aTicketThatCameWithoutASourceIsKeptUnderUnknownForOperators() {
        given().header("X-Api-Key", LEGACY_KEY).get("/api/v1/tickets/L-0999").then().statusCode(404);
        given().header("X-Api-Key", OPERATOR_KEY).get("/api/v1/tickets/L-0999?source=unknown").then()
                .statusCode(200).body("source", equalTo("unknown"));
    }

    @Test
    void pendingAlertsStartWithTheirSourceAndKeepTheirSubjects() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = PostgresDatabase.shared().connect(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select alert_id, source from due_item where ticket_id = 'L-1001' "
                        + "order by due_at")) {
            while (rows.next()) {
                assertThat(rows.getString(2)).isEqualTo("legacy-desk");
                ids.add(rows.getString(1));
            }
        }
        assertThat(ids).containsExactly("legacy-desk:commitment:legacy-c-1:r1:COMMITMENT_OVERDUE:0",
                "legacy-desk:commitment:legacy-c-1:r1:ESCALATED:1",
                "legacy-desk:sla:L-1001:RESOLUTION:0:SLA_BREACHED");
    }

    @Test
    void anEventProcessedBeforeTheUpgradeIsStillARedelivery() {
        // legacy-e-7 was a snapshot: its source was never recorded, so it counts as processed for every source
        Instant at = Instant.parse("2026-11-20T08:30:00Z");
        Interaction replay = note("legacy-e-7", at, "Esto no debe aparecer: ya se procesó antes de la migración");
        Interaction marker = note("legacy-marker-" + java.util.UUID.randomUUID(), at.plusSeconds(1), "Marca");
        HelpdeskEvents.send("legacy-desk", replay);
        HelpdeskEvents.send("legacy-desk", marker);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("X-Api-Key", LEGACY_KEY)
                .get("/api/v1/tickets/L-1001/timeline").then().body("eventId", hasItem(marker.eventId())));
        given().header("X-Api-Key", LEGACY_KEY).get("/api/v1/tickets/L-1001/timeline").then()
                .body("findAll { it.eventId == 'legacy-e-7' }", hasSize(0));
    }

    private static Interaction note(String eventId, Instant at, String body) {
        return new Interaction(eventId, "L-1001", at, InteractionKind.INTERNAL_NOTE, Channel.EMAIL,
                new Author("a-3", AuthorRole.AGENT), Visibility.INTERNAL, body, null, List.of());
    }
}
