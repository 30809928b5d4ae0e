package dev.promesa.followup.operator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Topics;
import dev.promesa.followup.BoardSessions;
import dev.promesa.followup.TestClock;
import dev.promesa.followup.web.Chrome;
import dev.promesa.followup.web.Viewer;
import dev.promesa.testsupport.KafkaBroker;

/**
 * The operations page's access rules and what it shows without a notifier (the test profile's
 * {@code promesa.board.notifier-url} is a loopback port nothing listens on): the notice naming that address, the
 * dead-letter counts of the operator's own source, read from the real broker, and the page's template with views
 * notifier would give. The page against a running notifier is a system test. No test profile of its own: a second
 * Quarkus start in this JVM breaks the in-JVM broker's SASL listener for the later one.
 */
@QuarkusTest
class OperatorPageTest {

    static final String SOURCE = "ops-desk";
    static final String OPERATOR = "ops@ops-desk.example";
    private static final String PAGE = "/board/" + SOURCE + "/operator";
    private static final String INGEST_DLQ = Topics.HELPDESK_EVENTS_DLQ;
    /** The test profile's promesa.board.notifier-url: nothing listens there. */
    private static final String NOTIFIER = "http://127.0.0.1:9";

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Response get(String path, String cookie, String language) {
        var request = given().redirects().follow(false).header("Accept-Language", language);
        if (cookie != null) {
            request.cookie("promesa_board", cookie);
        }
        return request.get(path);
    }

    @Test
    void someoneNotSignedInIsSentToTheSignInPageAndBack() {
        Response response = get(PAGE, null, "es");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/board/ops-desk/sign-in?back=%2Fboard%2Fops-desk%2Foperator");
    }

    @Test
    void aSignedInPersonWhoIsNotAnOperatorGetsTheBoards404() throws Exception {
        BoardSessions lead = BoardSessions.open(dataSource, SOURCE, "lead@ops-desk.example");

        Response response = get(PAGE, lead.cookie(), "es");
        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.select("h1").text()).isEqualTo("Página no encontrada");
        assertThat(page.text()).doesNotContain("Operación", "notifier", "Kafka");
        assertThat(page.select("nav a[href$=/operator]")).isEmpty();

        Response post = given().redirects().follow(false).cookie("promesa_board", lead.cookie())
                .formParam("csrf", lead.csrf()).formParam("id", "0b8c1f6e-5b5e-4f7e-9a57-1d3f4a2b9c01")
                .post(PAGE + "/resend");
        assertThat(post.statusCode()).isEqualTo(404);
    }

    @Test
    void anOperatorOfAnotherSourceIsNotSignedInHere() throws Exception {
        BoardSessions other = BoardSessions.open(dataSource, "ops-other", "ops@ops-other.example");
        Response response = get(PAGE, other.cookie(), "es");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).contains("/board/ops-desk/sign-in");
    }

    @Test
    void whenNotifierIsUnreachableThePageStillRendersWithANoticeNamingItsAddress() throws Exception {
        BoardSessions operator = BoardSessions.open(dataSource, SOURCE, OPERATOR);

        Response es = get(PAGE, operator.cookie(), "es");
        assertThat(es.statusCode()).isEqualTo(200);
        assertThat(es.header("Content-Security-Policy")).contains("default-src 'none'");
        Document page = Jsoup.parse(es.body().asString());
        assertThat(page.select("h1").text()).isEqualTo("Operación");
        assertThat(page.select("#notifier-state").attr("data-state")).isEqualTo("unreachable");
        assertThat(page.select("#notifier-state").text()).isEqualTo("No se pudo contactar con notifier en "
                + NOTIFIER + ". Compruebe que está en marcha y vuelva a cargar la página.");
        assertThat(page.select("table")).isEmpty();
        assertThat(page.select("#dead-letter-counts li")).hasSize(2);
        assertThat(page.select("nav a[aria-current=page]").attr("href")).isEqualTo(PAGE);

        Document en = Jsoup.parse(get(PAGE, operator.cookie(), "en-GB,en;q=0.8").body().asString());
        assertThat(en.select("h1").text()).isEqualTo("Operations");
        assertThat(en.select("#notifier-state").text())
                .isEqualTo(
                        "Notifier is unreachable at " + NOTIFIER + ". Check that it is running, then reload the page.");
    }

    @Test
    void withoutAKeyThePageSaysItIsNotConnectedAndHowToConnectIt() {
        Document es = render(view("not-connected", List.of(), List.of()), "es");
        assertThat(es.select("#notifier-state").text())
                .contains("no está conectada con notifier", "promesa.board.notifier-api-key",
                        "PROMESA_BOARD_NOTIFIER_API_KEY", "origen *", "./promesa hash-key", NOTIFIER);
        assertThat(es.select("table")).isEmpty();
        Document en = render(view("not-connected", List.of(), List.of()), "en");
        assertThat(en.select("#notifier-state").text()).contains("not connected to notifier",
                "promesa.board.notifier-api-key", "source *");
    }

    @Test
    void failedEmailsHaveAResendFormEachAndHeldOnesSayWhenTheyGo() {
        OperationsView.Line failed = new OperationsView.Line("0b8c1f6e-5b5e-4f7e-9a57-1d3f4a2b9c01",
                "l***@example.com", "USER_OVERDUE", "T-42", "<script>alert(1)</script> 550 user unknown", 7, 1,
                "2 dic 2026, 9:01");
        OperationsView.Line held = new OperationsView.Line("5f0c1f6e-5b5e-4f7e-9a57-1d3f4a2b9c02",
                "b***@example.com", "LEAD_ESCALATION", "T-43", null, 0, 0, "3 dic 2026, 9:00");
        Document page = render(view("ok", List.of(failed), List.of(held)), "es");

        assertThat(page.select("#notifier-state")).isEmpty();
        assertThat(page.select("#failed-emails tbody tr")).singleElement().satisfies(row -> {
            assertThat(row.select("td").eachText()).startsWith("l***@example.com", "USER_OVERDUE", "T-42",
                    "<script>alert(1)</script> 550 user unknown", "7 reenviado 1 vez", "2 dic 2026, 9:01");
            assertThat(row.select("form").attr("method")).isEqualTo("post");
            assertThat(row.select("form").attr("action")).isEqualTo(PAGE + "/resend");
            assertThat(row.select("input[name=csrf]").val()).isEqualTo("the-csrf-token");
            assertThat(row.select("input[name=id]").val()).isEqualTo(failed.id());
            assertThat(row.select("button").attr("aria-label"))
                    .isEqualTo("Reenviar el correo a l***@example.com sobre el ticket T-42");
        });
        assertThat(page.select("script:containsData(alert)")).isEmpty();
        assertThat(page.select("#held-emails tbody tr td").eachText())
                .containsExactly("b***@example.com", "LEAD_ESCALATION", "T-43", "3 dic 2026, 9:00");
        assertThat(page.text()).contains("Se muestran los 1 más recientes de 12.");
    }

    private static OperationsView view(String notifier, List<OperationsView.Line> failed,
            List<OperationsView.Line> held) {
        return new OperationsView(null, notifier, NOTIFIER, 0, failed, failed.isEmpty() ? 0 : 12, held, held.size(),
                List.of(new OperationsView.DeadLetterLine(INGEST_DLQ, "ingest", 3, "2 dic 2026, 9:00"),
                        new OperationsView.DeadLetterLine(Topics.ALERTS_DLQ, "alerts", 0, "")),
                "10:42:05", 0, null, "the-csrf-token");
    }

    private static Document render(OperationsView view, String lang) {
        Viewer viewer = new Viewer(SOURCE, OPERATOR, null, lang, ZoneId.of("Europe/Madrid"), Set.of(), Set.of(), true,
                "the-csrf-token");
        Chrome chrome = new Chrome(SOURCE, "Ops Desk", viewer, lang, "operator", PAGE);
        return Jsoup.parse(OperatorPage.Templates.page(chrome, view).setLocale(Locale.forLanguageTag(lang)).render());
    }

    @Test
    void theDeadLetterCountsAreTheOperatorsSourceOnlyAndSayWhenTheyWereCounted() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createContractTopics();
        BoardSessions operator = BoardSessions.open(dataSource, SOURCE, OPERATOR);
        Map<String, Long> before = counts(get(PAGE, operator.cookie(), "es"));

        // ce_source decides; a record without one belongs to its key's source; another source's are never counted
        broker.send(INGEST_DLQ, "ops-desk/T-1", "{not json", Map.of(CloudEvents.HEADER_SOURCE, SOURCE,
                "dead-letter-reason", "unreadable"));
        broker.send(INGEST_DLQ, "ops-desk/T-2", "{}", Map.of("dead-letter-reason", "no ce_source"));
        broker.send(INGEST_DLQ, "ops-desk/T-3", "{}", Map.of(CloudEvents.HEADER_SOURCE, "ops-other"));
        broker.send(INGEST_DLQ, "ops-other/T-4", "{}", Map.of(CloudEvents.HEADER_SOURCE, "ops-other"));
        broker.send(INGEST_DLQ, "T-5", "{}", Map.of());
        broker.send(Topics.ALERTS_DLQ, "ops-desk/T-1", "{}", Map.of(CloudEvents.HEADER_SOURCE, SOURCE));
        broker.send(Topics.ALERTS_DLQ, "ops-other/T-9", "{}", Map.of(CloudEvents.HEADER_SOURCE, "ops-other"));

        // a count is shown for 30 s, then read again
        clock.advanceTo(clock.instant().plus(DeadLetterCounts.FRESH_FOR).plusSeconds(1));
        Response response = get(PAGE, operator.cookie(), "es");
        Map<String, Long> after = counts(response);
        assertThat(after.get(INGEST_DLQ) - before.get(INGEST_DLQ)).isEqualTo(2);
        assertThat(after.get(Topics.ALERTS_DLQ) - before.get(Topics.ALERTS_DLQ)).isEqualTo(1);
        Document page = Jsoup.parse(response.body().asString());
        assertThat(page.select("#dead-letter-counts").text())
                .contains("Eventos del help desk que followup no pudo aplicar", "el último,");
        assertThat(page.select("section[aria-labelledby=dead-letters] .live").text())
                .matches("Contados a las \\d\\d:\\d\\d:\\d\\d\\. .*30 segundos\\.");

        // within the 30 s, the same count: nothing is read again
        broker.send(INGEST_DLQ, "ops-desk/T-6", "{}", Map.of(CloudEvents.HEADER_SOURCE, SOURCE));
        assertThat(counts(get(PAGE, operator.cookie(), "es"))).isEqualTo(after);

        BoardSessions other = BoardSessions.open(dataSource, "ops-other", "ops@ops-other.example");
        clock.advanceTo(clock.instant().plus(DeadLetterCounts.FRESH_FOR).plus(Duration.ofSeconds(1)));
        Map<String, Long> theirs = counts(get("/board/ops-other/operator", other.cookie(), "es"));
        assertThat(theirs.get(INGEST_DLQ)).isGreaterThanOrEqualTo(2);
        assertThat(counts(get(PAGE, operator.cookie(), "es")).get(INGEST_DLQ))
                .isEqualTo(after.get(INGEST_DLQ) + 1);
    }

    @Test
    void aResendNeedsTheSessionsCsrfTokenAndWithoutNotifierComesBackWithANotice() throws Exception {
        BoardSessions operator = BoardSessions.open(dataSource, SOURCE, OPERATOR);
        String id = "0b8c1f6e-5b5e-4f7e-9a57-1d3f4a2b9c01";

        Response missing = given().redirects().follow(false).cookie("promesa_board", operator.cookie())
                .formParam("id", id).post(PAGE + "/resend");
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(missing.body().asString()).select("h1").text())
                .isEqualTo("El formulario ha caducado");
        Response wrong = given().redirects().follow(false).cookie("promesa_board", operator.cookie())
                .formParam("csrf", operator.csrf() + "x").formParam("id", id).post(PAGE + "/resend");
        assertThat(wrong.statusCode()).isEqualTo(403);

        Response right = given().redirects().follow(false).cookie("promesa_board", operator.cookie())
                .formParam("csrf", operator.csrf()).formParam("id", id).post(PAGE + "/resend");
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.header("Location")).endsWith(PAGE + "?notice=unreachable");

        Document page = Jsoup.parse(get(PAGE + "?notice=unreachable", operator.cookie(), "es").body().asString());
        assertThat(page.select("p.notice.error[role=status]").text()).isEqualTo("No se ha reenviado nada: no se "
                + "pudo contactar con notifier en " + NOTIFIER
                + ". Compruebe que está en marcha y vuelva a intentarlo.");
        Document forged = Jsoup.parse(get(PAGE + "?notice=%3Cb%3Ehi", operator.cookie(), "es").body().asString());
        assertThat(forged.select("p[role=status]")).isEmpty();
    }

    /** The page's dead-letter counts, by topic. */
    static Map<String, Long> counts(Response response) {
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body().asString());
        Map<String, Long> counts = new TreeMap<>();
        page.select("#dead-letter-counts li").forEach(li -> counts.put(li.attr("data-topic"),
                Long.parseLong(li.select("strong").text())));
        assertThat(counts).containsOnlyKeys(INGEST_DLQ, Topics.ALERTS_DLQ);
        return counts;
    }
}
