package dev.promesa.notifier.desk;

import static dev.promesa.notifier.Deliveries.awaitMails;
import static dev.promesa.notifier.Deliveries.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.Deliveries;
import dev.promesa.notifier.TestAlerts;

/**
 * Two help desks with the same ticket id and the same commitment: each desk's user and lead get that desk's emails,
 * written and sent with that desk's settings (application.properties, test profile: globex has its own sender,
 * reply-to, links, language and team directory; test-desk uses the global ones), and each desk's key reads its own
 * notifications only.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoDesksTest {

    static final String GLOBEX = "globex";
    static final String ACME_KEY = "notifier-test-key";
    static final String GLOBEX_KEY = "notifier-globex-key";
    static final String OPERATOR_KEY = "notifier-operator-key";

    @Inject
    ObjectMapper mapper;

    private final String ticketId = "T-" + UUID.randomUUID();
    private final String suffix = ":commitment:C-1:r1:";

    @BeforeAll
    void bothDesksAlertAboutTheirOwnT1() {
        for (String source : List.of(TestAlerts.SOURCE, GLOBEX)) {
            publish(mapper, TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).source(source).ticketId(ticketId)
                    .alertId(source + suffix + "COMMITMENT_OVERDUE_USER:0").build());
            publish(mapper, TestAlerts.alert(AlertKind.ESCALATED).source(source).ticketId(ticketId)
                    .alertId(source + suffix + "ESCALATED:1").build());
        }
    }

    @Test
    void theUserGetsOneApologyFromEachDeskEachWithItsDesksSenderReplyToAndLinks() throws Exception {
        List<MimeMessage> mails = awaitMails(TestAlerts.LUCIA.email(), ticketId, 2);
        assertThat(mails).hasSize(2);
        MimeMessage globex = only(mails, "help@globex.example");
        MimeMessage acme = only(mails, "promesa@localhost");

        InternetAddress globexFrom = (InternetAddress) globex.getFrom()[0];
        assertThat(globexFrom.getPersonal()).isEqualTo("Globex Service Desk");
        assertThat(globex.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("replies@globex.example");
        assertThat(Deliveries.text(globex)).contains("https://globex.example/desk/" + ticketId)
                .contains("Globex Service Desk").doesNotContain("desk.example.com");

        assertThat(Deliveries.text(acme)).contains("https://desk.example.com/t/" + ticketId)
                .doesNotContain("Globex");
        assertThat(acme.getReplyTo()).as("no reply-to configured: replies go to the sender's address")
                .extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("promesa@localhost");
    }

    @Test
    void eachDesksLeadIsTheirOwnAndTheTeamHasItsOwnName() {
        MimeMessage globexLead = awaitMails("globex.lead@globex.example", ticketId, 1).get(0);
        assertThat(Deliveries.text(globexLead)).contains("Globex IT Service Desk");
        assertThat(Deliveries.subject(globexLead)).as("globex's staff emails default to English")
                .startsWith("Promise not kept in your team");
        assertThat(Deliveries.subject(awaitMails("lead@example.com", ticketId, 1).get(0)))
                .startsWith("Promesa sin cumplir en su equipo");
        MimeMessage acmeLead = awaitMails("lead@example.com", ticketId, 1).get(0);
        assertThat(Deliveries.text(acmeLead)).doesNotContain("Globex");
        assertThat(Deliveries.mailsTo("globex.lead@globex.example", ticketId)).hasSize(1);
        assertThat(Deliveries.mailsTo("lead@example.com", ticketId)).hasSize(1);
    }

    @Test
    void eachKeyReadsItsOwnDesksNotificationsOnly() {
        await().atMost(Deliveries.PATIENCE).until(() -> rows(OPERATOR_KEY, null).getList("items").size() == 4);
        for (String source : List.of(TestAlerts.SOURCE, GLOBEX)) {
            String key = source.equals(GLOBEX) ? GLOBEX_KEY : ACME_KEY;
            String other = source.equals(GLOBEX) ? TestAlerts.SOURCE : GLOBEX;
            JsonPath own = rows(key, null);
            assertThat(own.getList("items.source", String.class)).hasSize(2).containsOnly(source);
            assertThat(own.getList("items.alertId", String.class)).allMatch(id -> id.startsWith(source + ":"));
            assertThat(rows(key, other).getList("items")).as("?source= of another desk finds nothing").isEmpty();

            String theirs = rows(OPERATOR_KEY, other).getString("items[0].id");
            given().header("X-Api-Key", key).get("/api/v1/notifications/" + theirs).then().statusCode(404);
            given().header("X-Api-Key", OPERATOR_KEY).get("/api/v1/notifications/" + theirs).then().statusCode(200);
        }
        assertThat(rows(OPERATOR_KEY, GLOBEX).getList("items.source", String.class)).hasSize(2).containsOnly(GLOBEX);
    }

    @Test
    void emailsSentAreCountedPerSource() {
        awaitMails("globex.lead@globex.example", ticketId, 1);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("promesa_notifications_sent_total{kind=\"ESCALATED\",source=\"globex\"}"));
    }

    private JsonPath rows(String key, String source) {
        var request = given().header("X-Api-Key", key).queryParam("ticketId", ticketId);
        if (source != null) {
            request.queryParam("source", source);
        }
        return request.get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
    }

    private static MimeMessage only(List<MimeMessage> mails, String fromAddress) {
        return mails.stream().filter(m -> {
            try {
                return ((InternetAddress) m.getFrom()[0]).getAddress().equals(fromAddress);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).reduce((a, b) -> {
            throw new AssertionError("two emails from " + fromAddress);
        }).orElseThrow(() -> new AssertionError("no email from " + fromAddress + " among " + mails.size()));
    }
}
