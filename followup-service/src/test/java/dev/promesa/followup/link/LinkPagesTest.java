package dev.promesa.followup.link;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.followup.duecheck.DueItem;
import dev.promesa.security.SignedLinks;
import dev.promesa.security.SignedLinks.Claims;
import dev.promesa.security.SignedLinks.Purpose;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * The pages behind the signed links, as a person's browser opens them (no API key): a GET only asks, the POST of its
 * button records; a second click records nothing; forged, expired and misplaced tokens get one neutral page. Tokens are
 * signed here with the test profile's secret, as notifier signs them.
 */
@QuarkusTest
class LinkPagesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String SOURCE = HelpdeskEvents.SOURCE;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    private static SignedLinks links() {
        return new SignedLinks(ConfigProvider.getConfig().getValue("promesa.links.secret", String.class),
                Clock.systemUTC());
    }

    private static String sign(Purpose purpose, String ticketId, String subjectId, String recipient, String role,
            String locale) {
        return links().sign(new Claims(purpose, SOURCE, ticketId, subjectId, recipient, role, locale,
                Instant.now().plus(Duration.ofDays(1))));
    }

    @Test
    void takingAPromiseRecordsWhoAndHoldsTheEscalationOnce() throws Exception {
        String ticketId = HelpdeskEvents.newTicketId();
        String commitmentId = "C-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.minusSeconds(60), Priority.P2, TicketStatus.OPEN,
                "fast"));
        HelpdeskEvents.send(HelpdeskEvents.agentReply(ticketId, now, "Le escribo en una hora con el diagnóstico.",
                new CommitmentRequest(commitmentId, CommitmentKind.UPDATE, now.plus(Duration.ofHours(1)),
                        "Enviar el diagnóstico", PromisedTo.USER)));
        await().atMost(PATIENCE).until(() -> escalations(commitmentId).size() == 2);
        Map<Integer, Instant> before = escalations(commitmentId);
        String path = "/links/" + SOURCE + "/ack/"
                + sign(Purpose.ACK, ticketId, commitmentId, "jorge@example.com", "AGENT", "es");

        HttpResponse<String> asked = get(path, null);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(asked.body()).contains("lang=\"es\"", "¿Se encarga usted de esta promesa?",
                "Ticket " + ticketId + ": «La VPN no conecta desde casa»", "<form method=\"post\"",
                "Sí, me encargo", "4 segundos más");
        assertThat(escalations(commitmentId)).as("a GET (a mail scanner's prefetch) changes nothing")
                .isEqualTo(before);
        assertThat(timelineTypes(ticketId)).doesNotContain("PROMISE_TAKEN");

        HttpResponse<String> taken = post(path);
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(taken.body()).contains("Anotado: usted se encarga", "esperará 4 segundos más")
                .doesNotContain("<form");
        Duration delay = Duration.ofSeconds(4); // %test.promesa.commitments.escalation-delay
        assertThat(escalations(commitmentId)).as("level 1 to the lead and level 2 behind it, one delay later")
                .isEqualTo(Map.of(1, before.get(1).plus(delay), 2, before.get(2).plus(delay)));
        List<Map<String, Object>> entries = timeline(ticketId);
        Map<String, Object> entry = entries.stream().filter(e -> "PROMISE_TAKEN".equals(e.get("type"))).findFirst()
                .orElseThrow();
        assertThat(entry).containsEntry("commitmentId", commitmentId).containsEntry("recipientRole", "AGENT")
                .containsEntry("recipient", "jorge@example.com")
                .containsEntry("dueAt", before.get(1).plus(delay).toString());
        assertThat(commitmentState(ticketId, commitmentId)).as("taken, not cancelled").isEqualTo("OPEN");

        HttpResponse<String> again = post(path);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Ya constaba que usted se encarga", "no se ha registrado nada nuevo");
        assertThat(get(path, null).body()).contains("Ya constaba que usted se encarga").doesNotContain("<form");
        assertThat(escalations(commitmentId)).as("held once").isEqualTo(Map.of(1, before.get(1).plus(delay), 2,
                before.get(2).plus(delay)));
        assertThat(timelineTypes(ticketId).stream().filter("PROMISE_TAKEN"::equals)).hasSize(1);

        // the lead takes it as well: recorded, in English for their locale, but the escalation is not held again
        String lead = "/links/" + SOURCE + "/ack/"
                + sign(Purpose.ACK, ticketId, commitmentId, "lead@example.com", "LEAD", "en-US");
        HttpResponse<String> byLead = post(lead);
        assertThat(byLead.body()).contains("lang=\"en\"", "Noted: you’re on it", "no pending escalation to hold");
        assertThat(timelineTypes(ticketId).stream().filter("PROMISE_TAKEN"::equals)).hasSize(2);
        assertThat(escalations(commitmentId).get(1)).isEqualTo(before.get(1).plus(delay));
    }

    @Test
    void itWorksIsRecordedOnceAndChangesNothingElse() throws Exception {
        String ticketId = resolvedTicket();
        String check = SOURCE + ":satisfaction:" + ticketId + ":0";
        String path = "/links/" + SOURCE + "/answer/"
                + sign(Purpose.SATISFACTION_WORKS, ticketId, check, "lucia@example.com", "USER", "");

        HttpResponse<String> asked = get(path, "en-GB,en;q=0.8");
        assertThat(asked.body()).as("no locale in the token: the browser's language")
                .contains("lang=\"en\"", "Can you confirm that everything works?",
                        "Request " + ticketId + ": “La VPN no conecta desde casa”", "Yes, it works");
        HttpResponse<String> answered = post(path);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("lang=\"es\"", "Gracias por su respuesta");

        assertThat(timelineTypes(ticketId)).containsOnlyOnce("SATISFACTION_CONFIRMED");
        assertThat(recurrences(ticketId)).isZero();
        String failed = "/links/" + SOURCE + "/answer/"
                + sign(Purpose.SATISFACTION_FAILED_AGAIN, ticketId, check, "lucia@example.com", "USER", "es");
        HttpResponse<String> changedMind = post(failed);
        assertThat(changedMind.statusCode()).isEqualTo(200);
        assertThat(changedMind.body()).contains("Su respuesta ya estaba registrada", "«Sí, todo funciona»",
                "responda al correo");
        assertThat(timelineTypes(ticketId)).containsOnlyOnce("SATISFACTION_CONFIRMED")
                .doesNotContain("SATISFACTION_FAILED_AGAIN");
        assertThat(recurrences(ticketId)).isZero();
    }

    @Test
    void itFailedAgainCountsARecurrenceAndAlertsTheAgentOnce() throws Exception {
        String ticketId = resolvedTicket();
        String check = SOURCE + ":satisfaction:" + ticketId + ":0";
        String path = "/links/" + SOURCE + "/answer/"
                + sign(Purpose.SATISFACTION_FAILED_AGAIN, ticketId, check, "lucia@example.com", "USER", "es-ES");
        try (TopicTail alerts = KafkaBroker.shared().tail(Topics.ALERTS)) {
            assertThat(get(path, null).body()).contains("¿Ha vuelto a fallar?", "No, ha vuelto a fallar",
                    "Solicitud " + ticketId);

            HttpResponse<String> answered = post(path);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("Gracias por avisarnos", "Sentimos que haya vuelto a fallar");
            await().atMost(PATIENCE).until(() -> !recurrenceAlerts(alerts, ticketId).isEmpty());
            Alert alert = recurrenceAlerts(alerts, ticketId).get(0);
            assertThat(alert.alertId()).isEqualTo(check + ":RECURRENCE_REPORTED");
            assertThat(alert.level()).isZero();
            assertThat(alert.ticket().assignee()).isEqualTo(HelpdeskEvents.ASSIGNEE);
            assertThat(alert.ticket().subject()).isEqualTo("La VPN no conecta desde casa");
            assertThat(recurrences(ticketId)).isEqualTo(1);
            assertThat(timelineTypes(ticketId)).containsOnlyOnce("SATISFACTION_FAILED_AGAIN");

            HttpResponse<String> replayed = post(path);
            assertThat(replayed.statusCode()).isEqualTo(200);
            assertThat(replayed.body()).contains("Su respuesta ya estaba registrada", "«No, ha vuelto a fallar»");
            assertThat(recurrences(ticketId)).as("counted once").isEqualTo(1);
            assertThat(timelineTypes(ticketId)).containsOnlyOnce("SATISFACTION_FAILED_AGAIN");
            assertThat(pending(check + ":RECURRENCE_REPORTED")).as("no second alert scheduled").isZero();
            assertThat(recurrenceAlerts(alerts, ticketId)).hasSize(1);
        }
    }

    @Test
    void refusedLinksGetOneNeutralPageAndChangeNothing() throws Exception {
        String ticketId = resolvedTicket();
        String check = SOURCE + ":satisfaction:" + ticketId + ":0";
        SignedLinks links = links();
        String expired = links.sign(new Claims(Purpose.SATISFACTION_FAILED_AGAIN, SOURCE, ticketId, check,
                "lucia@example.com", "USER", "es", Instant.now().minusSeconds(1)));
        String genuine = sign(Purpose.SATISFACTION_FAILED_AGAIN, ticketId, check, "lucia@example.com", "USER", "es");
        String tampered = genuine.substring(0, genuine.length() - 2)
                + (genuine.endsWith("AA") ? "BB" : "AA");
        String ack = sign(Purpose.ACK, ticketId, "C-1", "jorge@example.com", "AGENT", "es");
        String otherSecret = new SignedLinks("some-other-secret-of-at-least-32-bytes", Clock.systemUTC())
                .sign(new Claims(Purpose.SATISFACTION_FAILED_AGAIN, SOURCE, ticketId, check, "lucia@example.com",
                        "USER", "es", Instant.now().plusSeconds(600)));
        String unknownTicket = sign(Purpose.SATISFACTION_FAILED_AGAIN, "T-nobody-" + UUID.randomUUID(), check,
                "lucia@example.com", "USER", "es");

        for (String path : List.of("/links/" + SOURCE + "/answer/" + expired, "/links/" + SOURCE + "/answer/"
                + tampered, "/links/" + SOURCE + "/answer/" + ack, "/links/globex/answer/" + genuine,
                "/links/" + SOURCE + "/answer/" + otherSecret, "/links/" + SOURCE + "/answer/not-a-token",
                "/links/" + SOURCE + "/answer/" + unknownTicket)) {
            for (HttpResponse<String> page : List.of(get(path, "es"), post(path))) {
                assertThat(page.statusCode()).as(path).isBetween(400, 499);
                assertThat(page.body()).as(path).contains("Este enlace no es válido o ha caducado")
                        .doesNotContain(ticketId).doesNotContain("<form").doesNotContain("La VPN");
            }
        }
        assertThat(get("/links/" + SOURCE + "/answer/" + tampered, "en").body())
                .contains("This link is not valid or has expired");
        assertThat(recurrences(ticketId)).isZero();
        assertThat(timelineTypes(ticketId)).doesNotContain("SATISFACTION_FAILED_AGAIN", "SATISFACTION_CONFIRMED");
    }

    /** A ticket of the test desk, opened and resolved: its satisfaction check is pending. */
    private static String resolvedTicket() {
        String ticketId = HelpdeskEvents.newTicketId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.minusSeconds(120), Priority.P3, TicketStatus.OPEN,
                "fast"));
        HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, now.minusSeconds(60), Priority.P3,
                TicketStatus.RESOLVED, "fast"));
        await().atMost(PATIENCE).until(() -> pending(SOURCE + ":satisfaction:" + ticketId + ":0") == 1);
        return ticketId;
    }

    private HttpResponse<String> get(String path, String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        Optional.ofNullable(acceptLanguage).ifPresent(l -> request.header("Accept-Language", l));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As the page's form posts it: no key, no body, the browser's form type. */
    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    /** The pending ESCALATED alerts of a promise: level → due time. */
    private static Map<Integer, Instant> escalations(String commitmentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<DueItem> items = DueItem.list("commitmentId = ?1 and kind = ?2", commitmentId,
                    AlertKind.ESCALATED.name());
            return items.stream().collect(java.util.stream.Collectors.toMap(i -> i.level, i -> i.dueAt));
        });
    }

    private static long pending(String alertId) {
        return QuarkusTransaction.requiringNew().call(() -> DueItem.count("alertId", alertId));
    }

    private static List<Map<String, Object>> timeline(String ticketId) {
        return given().get("/api/v1/tickets/{id}/timeline", ticketId).then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    private static List<String> timelineTypes(String ticketId) {
        return timeline(ticketId).stream().map(e -> (String) e.get("type")).toList();
    }

    private static int recurrences(String ticketId) {
        return given().get("/api/v1/tickets/{id}", ticketId).then().statusCode(200).extract().jsonPath()
                .getInt("recurrences");
    }

    private static String commitmentState(String ticketId, String commitmentId) {
        return given().get("/api/v1/tickets/{id}", ticketId).then().statusCode(200).extract().jsonPath()
                .getString("commitments.find { it.commitmentId == '" + commitmentId + "' }.state");
    }

    private static List<Alert> recurrenceAlerts(TopicTail alerts, String ticketId) {
        return HelpdeskEvents.alertsOf(alerts.received(), ticketId).stream()
                .filter(a -> a.kind() == AlertKind.RECURRENCE_REPORTED).toList();
    }
}
