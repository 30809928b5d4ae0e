package dev.promesa.notifier.delivery;

import static dev.promesa.notifier.Deliveries.awaitMails;
import static dev.promesa.notifier.Deliveries.html;
import static dev.promesa.notifier.Deliveries.mailsTo;
import static dev.promesa.notifier.Deliveries.notifications;
import static dev.promesa.notifier.Deliveries.publish;
import static dev.promesa.notifier.Deliveries.subject;
import static dev.promesa.notifier.Deliveries.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.notifier.Deliveries;
import dev.promesa.notifier.TestAlerts;

/** Kafka → notification log → SMTP, end to end, with the real broker, database and mail server. */
@QuarkusTest
class AlertToEmailTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void agentUserLeadAndManagerEachGetTheirEmail() throws Exception {
        Alert dueSoon = TestAlerts.alert(AlertKind.COMMITMENT_DUE_SOON).build();
        Alert overdueUser = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).english().build();
        Alert escalated = TestAlerts.alert(AlertKind.ESCALATED).level(1).build();
        Alert toManager = TestAlerts.alert(AlertKind.ESCALATED).level(2).build();
        List.of(dueSoon, overdueUser, escalated, toManager).forEach(a -> publish(mapper, a));

        MimeMessage agentMail = awaitMails("marta@example.com", dueSoon.ticketId(), 1).get(0);
        assertThat(subject(agentMail)).isEqualTo("Su promesa vence en 15 minutos · La impresora de la planta 2 no "
                + "imprime [#" + dueSoon.ticketId() + "]");
        assertThat(text(agentMail)).contains(
                "Promesa hecha a Lucía Fernández: «Enviar el presupuesto de la reparación»",
                "jueves 26 de noviembre a las 15:00 (hora de Madrid)",
                "https://desk.example.com/t/" + dueSoon.ticketId());
        assertThat(agentMail.getHeader("Message-ID")[0])
                .isEqualTo(MessageIds.of(dueSoon.alertId(), "marta@example.com"));

        MimeMessage userMail = awaitMails("john@example.com", overdueUser.ticketId(), 1).get(0);
        assertThat(subject(userMail))
                .isEqualTo("Your request \"The printer on floor 2 does not print\": we owe you an update [#"
                        + overdueUser.ticketId() + "]");
        assertThat(text(userMail)).contains("Hello John Carter,", "\"Send the repair quote\"",
                "Thursday, November 26 at 9:00 AM (New York time)", "We apologize for the delay",
                "Sam Patel is still in charge");
        assertThat(html(userMail)).contains("<html lang=\"en\">", "We apologize for the delay");

        MimeMessage leadMail = awaitMails("lead@example.com", escalated.ticketId(), 1).get(0);
        assertThat(subject(leadMail)).startsWith("Promesa sin cumplir en su equipo · ")
                .endsWith("[#" + escalated.ticketId() + "]");
        assertThat(text(leadMail)).contains("Marta Ruiz prometió a Lucía Fernández", "lleva 1 h 20 min de retraso");

        MimeMessage managerMail = awaitMails("manager@example.com", toManager.ticketId(), 1).get(0);
        assertThat(subject(managerMail)).startsWith("Segundo aviso: promesa sin cumplir · ")
                .endsWith("[#" + toManager.ticketId() + "]");

        await().atMost(Deliveries.PATIENCE).untilAsserted(() -> assertThat(notifications(dueSoon.ticketId()))
                .singleElement().satisfies(n -> {
                    assertThat(n).containsEntry("state", "SENT").containsEntry("attempts", 1)
                            .containsEntry("recipient", "marta@example.com").containsEntry("audience", "AGENT")
                            .containsEntry("locale", "es");
                    assertThat(n.get("sentAt")).isNotNull();
                }));
    }

    @Test
    void theSameAlertThreeTimesGivesOneEmailPerRecipient() {
        Alert breach = TestAlerts.alert(AlertKind.SLA_BREACHED).build();
        for (int i = 0; i < 3; i++) {
            publish(mapper, breach);
        }
        // Same key → same partition, read in order: once the marker is logged, the copies were all handled.
        // Sender threads work in parallel, so wait for every logged notification to be SENT before counting mails.
        Alert marker = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).ticketId(breach.ticketId()).build();
        publish(mapper, marker);
        await().atMost(Deliveries.PATIENCE).until(() -> {
            List<Map<String, Object>> logged = notifications(breach.ticketId());
            return logged.stream().anyMatch(n -> marker.alertId().equals(n.get("alertId")))
                    && logged.stream().allMatch(n -> "SENT".equals(n.get("state")));
        });

        List<MimeMessage> agentMails = mailsTo("marta@example.com", breach.ticketId());
        assertThat(agentMails).map(Deliveries::subject).filteredOn(s -> s.startsWith("Nivel de servicio incumplido"))
                .hasSize(1);
        assertThat(mailsTo("lead@example.com", breach.ticketId())).hasSize(1);
        assertThat(notifications(breach.ticketId())).map(n -> n.get("alertId") + " " + n.get("recipient"))
                .containsExactlyInAnyOrder(breach.alertId() + " marta@example.com",
                        breach.alertId() + " lead@example.com", marker.alertId() + " marta@example.com");
    }

    @Test
    void ticketTextCannotInjectHtmlOrMailHeaders() throws Exception {
        Alert hostile = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE)
                .subject("<script>alert('x')</script>\r\nBcc: evil@example.com\r\nX-Injected: yes")
                .promise("<b>Llamar</b> & confirmar")
                .build();
        publish(mapper, hostile);

        MimeMessage mail = awaitMails("marta@example.com", hostile.ticketId(), 1).get(0);
        assertThat(subject(mail)).doesNotContain("\r", "\n")
                .contains("<script>alert('x')</script> Bcc: evil@example.com X-Injected: yes");
        assertThat(mail.getHeader("X-Injected")).isNull();
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString)).containsExactly("marta@example.com");
        assertThat(mailsTo("evil@example.com", hostile.ticketId())).isEmpty();
        assertThat(html(mail)).doesNotContain("<script>", "<b>Llamar")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
                        "&lt;b&gt;Llamar&lt;/b&gt; &amp; confirmar");
        assertThat(headerNames(mail)).doesNotContain("X-Injected", "Bcc");
    }

    private static List<String> headerNames(MimeMessage mail) throws Exception {
        return java.util.Collections.list(mail.getAllHeaders()).stream().map(Header::getName).toList();
    }
}
