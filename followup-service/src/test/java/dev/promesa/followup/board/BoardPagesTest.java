package dev.promesa.followup.board;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.promesa.contracts.Channel;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.followup.BoardSessions;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.web.Times;

/**
 * The board's promise pages over real HTTP, against the real database and Kafka: a person sees their own promises
 * in their zone, a change shows in the live part, the actions go through the API's rules with the session's form
 * token, an overdue promise turns red, and nobody reaches a ticket they may not see.
 */
@QuarkusTest
class BoardPagesTest {

    private static final String SOURCE = HelpdeskEvents.SOURCE;
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final Pattern VERSION = Pattern.compile("data-version=\"([0-9a-f]*)\"");

    @Inject
    DataSource dataSource;

    /** An agent of their own, so no other test's promises show on their page. */
    record Agent(Person person, String team) {
        static Agent fresh() {
            String id = UUID.randomUUID().toString().substring(0, 8);
            return new Agent(new Person("a-" + id, "Ana Gómez " + id, "ana-" + id + "@example.com", "es-MX",
                    MEXICO.getId()), "board-" + id);
        }
    }

    @Test
    void myPromisesShowInMyZoneAndALaterOneArrivesInTheLivePart() {
        Agent ana = Agent.fresh();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String ticketId = open(ana, now);
        Instant due = now.plus(Duration.ofHours(3));
        promise(ticketId, "C1-" + ticketId, due);
        BoardSessions session = BoardSessions.open(dataSource, SOURCE, ana.person().email());

        String page = await().atMost(Duration.ofSeconds(30)).until(() -> mine(session).asString(),
                body -> body.contains("data-commitment=\"C1-" + ticketId + "\""));
        assertThat(page).contains("class=\"on-time\"")
                .contains(Times.at(due, Instant.now(), MEXICO, "es"))
                .contains("Mis promesas").contains("Horas en la zona America/Mexico_City");
        String version = version(page);
        given().cookie("promesa_board", session.cookie()).get("/board/{s}/mine/live?since=" + version, SOURCE)
                .then().statusCode(204);

        promise(ticketId, "C2-" + ticketId, now.plus(Duration.ofHours(1)));

        Response live = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().cookie("promesa_board", session.cookie())
                        .get("/board/{s}/mine/live?since=" + version, SOURCE),
                r -> r.statusCode() == 200);
        assertThat(live.header("X-Board-Version")).isNotEqualTo(version);
        String fragment = live.asString();
        assertThat(fragment).doesNotContain("<html").contains("C2-" + ticketId).contains("C1-" + ticketId);
        assertThat(fragment.indexOf("C2-" + ticketId)).as("due soonest first")
                .isLessThan(fragment.indexOf("C1-" + ticketId));
    }

    @Test
    void reschedulingFromTheBoardGoesThroughTheRulesWithTheFormToken() {
        Agent ana = Agent.fresh();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String ticketId = open(ana, now);
        String id = "C-" + ticketId;
        promise(ticketId, id, now.plus(Duration.ofHours(2)));
        BoardSessions session = BoardSessions.open(dataSource, SOURCE, ana.person().email());
        await().atMost(Duration.ofSeconds(30)).until(() -> dueAt(ticketId) != null);

        // the person picks tomorrow 10:30 in their own zone (Mexico City)
        Instant wanted = now.atZone(MEXICO).plusDays(1).withHour(10).withMinute(30).withSecond(0).toInstant();
        String field = Times.field(wanted, MEXICO);

        given().cookie("promesa_board", session.cookie()).formParams(Map.of("dueAt", field, "reason", "x"))
                .redirects().follow(false).post(action(ticketId, id, "reschedule"))
                .then().statusCode(403);
        assertThat(dueAt(ticketId)).as("no token, no change").isEqualTo(now.plus(Duration.ofHours(2)).toString());

        Response done = given().cookie("promesa_board", session.cookie()).redirects().follow(false)
                .formParams(Map.of("csrf", session.csrf(), "dueAt", field, "reason", "Espero al proveedor",
                        "back", "/board/" + SOURCE + "/mine"))
                .post(action(ticketId, id, "reschedule"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/board/" + SOURCE + "/mine?notice=reschedule");
        assertThat(dueAt(ticketId)).isEqualTo(wanted.toString());
        List<Map<String, Object>> timeline = given().get("/api/v1/tickets/{t}/timeline", ticketId).jsonPath()
                .getList("findAll { it.type == 'PROMISE_RESCHEDULED' }");
        assertThat(timeline).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("authorId", ana.person().email()).containsEntry("reason", "Espero al proveedor"));

        Response past = given().cookie("promesa_board", session.cookie()).redirects().follow(false)
                .formParams(Map.of("csrf", session.csrf(), "dueAt", Times.field(now.minusSeconds(3600), MEXICO)))
                .post(action(ticketId, id, "reschedule"));
        assertThat(past.header("Location")).contains("error=due-past");
        Response noReason = given().cookie("promesa_board", session.cookie()).redirects().follow(false)
                .formParams(Map.of("csrf", session.csrf())).post(action(ticketId, id, "cancel"));
        assertThat(noReason.header("Location")).contains("error=reason-missing");
        assertThat(dueAt(ticketId)).isEqualTo(wanted.toString());
    }

    @Test
    void anOverduePromiseTurnsRed() {
        Agent ana = Agent.fresh();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String ticketId = open(ana, now);
        String id = "C-" + ticketId;
        promise(ticketId, id, Instant.now().plusSeconds(4));
        BoardSessions session = BoardSessions.open(dataSource, SOURCE, ana.person().email());

        await().atMost(Duration.ofSeconds(30)).until(() -> row(mine(session).asString(), id).contains("overdue"));
        assertThat(row(mine(session).asString(), id)).contains("Vencida").contains("hace");
    }

    @Test
    void nobodyReachesATicketTheyMayNotSee() {
        Agent ana = Agent.fresh();
        Agent other = Agent.fresh();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String mine = open(ana, now);
        String theirs = open(other, now);
        String globex = HelpdeskEvents.newTicketId();
        HelpdeskEvents.send("globex", snapshot(globex, ana, now));
        BoardSessions session = BoardSessions.open(dataSource, SOURCE, ana.person().email());
        await().atMost(Duration.ofSeconds(30)).until(() -> ticketPage(session, mine).statusCode() == 200
                && given().get("/api/v1/tickets/{t}", theirs).statusCode() == 200);

        assertThat(ticketPage(session, theirs).statusCode()).as("another team's agent").isEqualTo(404);
        assertThat(ticketPage(session, globex).statusCode()).as("another source").isEqualTo(404);
        assertThat(ticketPage(session, "no-such-ticket").statusCode()).isEqualTo(404);
        Response otherSource = given().cookie("promesa_board", session.cookie()).redirects().follow(false)
                .get("/board/globex/mine");
        assertThat(otherSource.statusCode()).as("a session opens one source only").isEqualTo(303);
        assertThat(otherSource.header("Location")).contains("/board/globex/sign-in");
        Response anonymous = given().redirects().follow(false).get("/board/{s}/mine", SOURCE);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.header("Location")).endsWith("/board/" + SOURCE + "/sign-in?back=%2Fboard%2F"
                + SOURCE + "%2Fmine");
        given().cookie("promesa_board", session.cookie()).redirects().follow(false)
                .formParams(Map.of("csrf", session.csrf(), "reason", "no"))
                .post(action(theirs, "C-" + theirs, "cancel")).then().statusCode(404);
    }

    @Test
    void aColleagueOfTheSameTeamSeesTheTicketAndTheTeamPageCountsByAgent() {
        Agent ana = Agent.fresh();
        Agent luis = new Agent(new Person("a-luis-" + ana.team(), "Luis Pérez", "luis-" + ana.team() + "@example.com",
                "es-ES", null), ana.team());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String anas = open(ana, now);
        promise(anas, "C-" + anas, Instant.now().plusSeconds(3));
        String luiss = open(luis, now);
        promise(luiss, "C-" + luiss, now.plus(Duration.ofDays(1)));
        BoardSessions session = BoardSessions.open(dataSource, SOURCE, luis.person().email());
        await().atMost(Duration.ofSeconds(30)).until(() -> ticketPage(session, anas).statusCode() == 200);

        String team = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().cookie("promesa_board", session.cookie()).get("/board/{s}/team?team={t}", SOURCE,
                        ana.team()).asString(),
                body -> body.contains("overdue") && body.contains("C-" + luiss));
        assertThat(team).contains("Equipo " + ana.team()).contains(ana.person().name()).contains("Luis Pérez");
        assertThat(team.indexOf("data-agent=\"" + ana.person().email() + "\""))
                .as("the agent with an overdue promise first").isPositive()
                .isLessThan(team.indexOf("data-agent=\"" + luis.person().email() + "\""));
        given().cookie("promesa_board", session.cookie()).get("/board/{s}/team?team=network", SOURCE).then()
                .statusCode(404);
    }

    private static String open(Agent agent, Instant now) {
        String ticketId = HelpdeskEvents.newTicketId();
        HelpdeskEvents.send(snapshot(ticketId, agent, now));
        return ticketId;
    }

    private static TicketSnapshot snapshot(String ticketId, Agent agent, Instant now) {
        return new TicketSnapshot(HelpdeskEvents.newEventId(), ticketId, now.minusSeconds(60),
                "La impresora de la 3.ª planta no imprime", Priority.P3, TicketStatus.OPEN, Channel.EMAIL,
                HelpdeskEvents.REQUESTER, agent.person(), agent.team(), "fast");
    }

    /** An ACTION promise: a later reply does not keep it (an UPDATE would be kept by the next public reply). */
    private static void promise(String ticketId, String id, Instant due) {
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, Instant.now(), "Le escribo con novedades.",
                new CommitmentRequest(id, CommitmentKind.ACTION, due, "Revisar el diagnóstico", PromisedTo.USER)));
    }

    private static Response mine(BoardSessions session) {
        return given().cookie("promesa_board", session.cookie()).get("/board/{s}/mine", SOURCE);
    }

    private static Response ticketPage(BoardSessions session, String ticketId) {
        return given().cookie("promesa_board", session.cookie()).redirects().follow(false)
                .get("/board/{s}/tickets/{t}", SOURCE, ticketId);
    }

    private static String action(String ticketId, String commitmentId, String action) {
        return "/board/" + SOURCE + "/tickets/" + ticketId + "/promises/" + commitmentId + "/" + action;
    }

    private static String dueAt(String ticketId) {
        Response ticket = given().get("/api/v1/tickets/{t}", ticketId);
        return ticket.statusCode() != 200 ? null : ticket.jsonPath().getString("commitments[0].dueAt");
    }

    private static String version(String page) {
        Matcher m = VERSION.matcher(page);
        assertThat(m.find()).as("the page's live part has a version").isTrue();
        return m.group(1);
    }

    /** The table row of one promise. */
    private static String row(String page, String commitmentId) {
        int at = page.indexOf("data-commitment=\"" + commitmentId + "\"");
        if (at < 0) {
            return "";
        }
        int start = page.lastIndexOf("<tr", at);
        return page.substring(start, page.indexOf("</tr>", at));
    }
}
