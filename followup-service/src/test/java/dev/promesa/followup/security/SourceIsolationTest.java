package dev.promesa.followup.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Author;
import dev.promesa.contracts.AuthorRole;
import dev.promesa.contracts.Channel;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentRequest;
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
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.TestClock;
import dev.promesa.followup.commitment.Commitment;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * Two help desks, {@code desk-test} (Acme's) and {@code globex}, that both have ticket {@code T-…} with the same event
 * ids, the same Idempotency-Key-derived ids and the same commitment id, stay apart: two tickets, two timelines, two
 * sets of alerts, and neither key reads the other's data. An operator key reads both.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceIsolationTest {

    static final String ACME = HelpdeskEvents.SOURCE;
    static final String GLOBEX = "globex";
    static final String ACME_KEY = "followup-test-key";
    static final String GLOBEX_KEY = "followup-globex-key";
    static final String OPERATOR_KEY = "followup-operator-key";

    private final String ticketId = "T-" + UUID.randomUUID();
    private final String commitmentId = "C-" + UUID.randomUUID();
    private final Map<String, Person> requesters = Map.of(
            ACME, new Person("u-1", "Lucía Fernández", "lucia@acme.example", "es-ES", null),
            GLOBEX, new Person("u-1", "Hank Scorpio", "hank@globex.example", "en-US", null));
    private final Map<String, String> agents = Map.of(ACME, "a-acme-" + UUID.randomUUID(), GLOBEX,
            "a-globex-" + UUID.randomUUID());
    /** A ticket only one desk has. */
    private final Map<String, String> ownTickets = Map.of(ACME, "T-only-acme-" + UUID.randomUUID(), GLOBEX,
            "T-only-globex-" + UUID.randomUUID());
    private List<Alert> alerts;
    private Instant due;

    @Inject
    TestClock clock;

    @BeforeAll
    void bothDesksPostTheSameIds() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        due = now.plusSeconds(60);
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.ALERTS)) {
            for (String source : List.of(ACME, GLOBEX)) {
                Person agent = new Person(agents.get(source), "Agent of " + source, source + "@agents.example",
                        null, null);
                HelpdeskEvents.send(source, new TicketSnapshot("same-snapshot-id", ticketId, now.minusSeconds(60),
                        "Subject of " + source, Priority.P2, TicketStatus.OPEN, Channel.EMAIL,
                        requesters.get(source), agent, "team-" + source, "fast"));
                HelpdeskEvents.send(source, new Interaction("same-reply-id", ticketId, now,
                        InteractionKind.AGENT_REPLY, Channel.EMAIL, new Author(agent.id(), AuthorRole.AGENT),
                        Visibility.PUBLIC, "Reply of " + source, new CommitmentRequest(commitmentId,
                                CommitmentKind.UPDATE, due, "Promise of " + source, PromisedTo.USER),
                        List.of()));
            }
            for (String source : List.of(ACME, GLOBEX)) {
                HelpdeskEvents.send(source, new TicketSnapshot("only-" + source, ownTickets.get(source), now,
                        "Only ticket of " + source, Priority.P3, TicketStatus.OPEN, Channel.EMAIL,
                        requesters.get(source), null, "team-" + source, "fast"));
                HelpdeskEvents.send(source, new Interaction("only-note-" + source, ownTickets.get(source), now,
                        InteractionKind.INTERNAL_NOTE, Channel.EMAIL, new Author(agents.get(source), AuthorRole.AGENT),
                        Visibility.INTERNAL, "Note of " + source, null, List.of()));
            }
            List<String> keys = List.of(new TicketRef(ACME, ticketId).recordKey(),
                    new TicketRef(GLOBEX, ticketId).recordKey());
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> Commitment.count("ticketId = ?1 and id = ?2", ticketId, commitmentId)) == 2);
            clock.advanceTo(due.plusSeconds(3)); // the users' alerts are due: grace 3 s in tests
            alerts = await().atMost(Duration.ofSeconds(60)).until(() -> tail.received().stream()
                    .filter(r -> keys.contains(r.key())).map(HelpdeskEvents::alert)
                    .filter(a -> a.kind() == AlertKind.COMMITMENT_OVERDUE_USER).toList(), a -> a.size() >= 2);
        } finally {
            clock.reset();
        }
    }

    @Test
    void eachDeskKeepsItsOwnTicketTimelineAndPromise() {
        for (String source : List.of(ACME, GLOBEX)) {
            JsonPath ticket = given().header("X-Api-Key", keyOf(source)).get("/api/v1/tickets/{id}", ticketId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(ticket.getString("source")).isEqualTo(source);
            assertThat(ticket.getString("subject")).isEqualTo("Subject of " + source);
            assertThat(ticket.getString("requester.email")).isEqualTo(requesters.get(source).email());
            // the promise, and the next step its apology named (no description: the notifier words it)
            assertThat(ticket.getList("commitments.commitmentId")).containsExactly(commitmentId,
                    commitmentId + "~next1");
            assertThat(ticket.getList("commitments.description")).containsExactly("Promise of " + source, null);
            given().header("X-Api-Key", keyOf(source)).get("/api/v1/tickets/{id}/timeline", ticketId).then()
                    .statusCode(200).body("size()", equalTo(2)).body("[0].body", equalTo("Reply of " + source))
                    .body("[1].type", equalTo("NEXT_STEP_PROMISED"))
                    .body("[1].commitmentId", equalTo(commitmentId + "~next1"));
        }
    }

    @Test
    void eachDeskGetsItsOwnAlertsWithItsOwnContext() {
        assertThat(alerts).extracting(Alert::source).containsExactlyInAnyOrder(ACME, GLOBEX);
        assertThat(alerts).extracting(Alert::alertId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).endsWith(":commitment:" + commitmentId
                        + ":r1:COMMITMENT_OVERDUE_USER:0"));
        for (Alert alert : alerts) {
            assertThat(alert.alertId()).startsWith(alert.source() + ":");
            assertThat(alert.ticket().requester()).isEqualTo(requesters.get(alert.source()));
            assertThat(alert.commitment().description()).isEqualTo("Promise of " + alert.source());
        }
    }

    /** Every read endpoint, with the key of each desk: its own data, or nothing (404, an empty list). */
    List<ReadCase> reads() {
        return List.of(
                new ReadCase("ticket", source -> "/api/v1/tickets/" + ownTickets.get(source), 404,
                        json -> List.<Object>of(json.getString("source"), json.getString("subject"))),
                new ReadCase("timeline", source -> "/api/v1/tickets/" + ownTickets.get(source) + "/timeline", 404,
                        json -> json.getList("body")),
                new ReadCase("commitments", source -> "/api/v1/commitments?assignee=" + agents.get(source), 200,
                        json -> json.getList("source")),
                new ReadCase("policies", source -> "/api/v1/policies", 200,
                        json -> json.getList("defaultFor.flatten()")),
                new ReadCase("service review",
                        source -> "/api/v1/reports/service-review?from=2026-01-01T00:00:00Z", 200,
                        json -> json.getList("commitments.byAgent.key")));
    }

    /**
     * @param path the request that reads {@code source}'s data
     * @param otherStatus what the other desk's key gets for it
     * @param seen what the answer shows of a source (a source name, or a text naming it)
     */
    record ReadCase(String name, Function<String, String> path, int otherStatus,
            Function<JsonPath, List<Object>> seen) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest
    @MethodSource("reads")
    void eachKeyReadsItsOwnSourceOnly(ReadCase read) {
        for (String source : List.of(ACME, GLOBEX)) {
            String other = source.equals(ACME) ? GLOBEX : ACME;
            String own = read.path().apply(source);
            JsonPath mine = given().header("X-Api-Key", keyOf(source)).get(own).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(read.seen().apply(mine).toString()).as(read + " with " + source + "'s key")
                    .doesNotContain(other).doesNotContain(agents.get(other));
            String theirs = read.path().apply(other);
            var answer = given().header("X-Api-Key", keyOf(source)).get(theirs);
            assertThat(answer.statusCode()).as(read + " of " + other + " with " + source + "'s key")
                    .isEqualTo(read.otherStatus());
            assertThat(answer.body().asString()).as(read + " of " + other + " with " + source + "'s key")
                    .doesNotContain("of " + other).doesNotContain(agents.get(other));
            // asking for the other source by name finds nothing either
            var filtered = given().header("X-Api-Key", keyOf(source)).queryParam("source", other).get(theirs);
            assertThat(filtered.body().asString()).doesNotContain("of " + other).doesNotContain(agents.get(other));
        }
    }

    @AfterEach
    void backToTheWallClock() {
        clock.reset();
    }

    @Test
    void anOperatorKeyReadsEverySourceAndFiltersWithSource() {
        clock.advanceTo(due.plusSeconds(1)); // the service review counts a promise as missed once it is overdue
        given().header("X-Api-Key", OPERATOR_KEY).get("/api/v1/tickets/{id}", ticketId).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("?source="));
        for (String source : List.of(ACME, GLOBEX)) {
            given().header("X-Api-Key", OPERATOR_KEY).queryParam("source", source)
                    .get("/api/v1/tickets/{id}", ticketId).then().statusCode(200)
                    .body("subject", equalTo("Subject of " + source));
        }
        List<String> sources = given().header("X-Api-Key", OPERATOR_KEY).queryParam("state", "OPEN")
                .get("/api/v1/commitments").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.ticketId == '" + ticketId + "' && it.origin != 'APOLOGY' }.source");
        assertThat(sources).containsExactlyInAnyOrder(ACME, GLOBEX);
        assertThat(given().header("X-Api-Key", OPERATOR_KEY).queryParam("source", GLOBEX)
                .queryParam("state", "OPEN").get("/api/v1/commitments").then().extract().jsonPath()
                .getList("source", String.class)).containsOnly(GLOBEX);
        assertThat(given().header("X-Api-Key", OPERATOR_KEY)
                .get("/api/v1/reports/service-review?from=2026-01-01T00:00:00Z").then().extract().jsonPath()
                .getList("commitments.byAgent.key", String.class))
                .contains(ACME + "/" + agents.get(ACME), GLOBEX + "/" + agents.get(GLOBEX));
    }

    private static String keyOf(String source) {
        return source.equals(ACME) ? ACME_KEY : GLOBEX_KEY;
    }
}
