package dev.promesa.notifier.delivery;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.awaitMails;
import static dev.promesa.notifier.Deliveries.mailsTo;
import static dev.promesa.notifier.Deliveries.publish;
import static dev.promesa.notifier.Deliveries.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.EmailSent;
import dev.promesa.contracts.RecipientRole;
import dev.promesa.contracts.Topics;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

/**
 * Replies reach the desk, read back from the real SMTP server: Reply-To (the source's, else the sender's address), the
 * ticket reference at the end of the subject in the source's format, {@code Auto-Submitted: auto-generated}, the
 * desk's name as the sender's, and a Message-ID that a repeated send carries unchanged. Every email sent is recorded
 * for the ticket's timeline: one {@code notifier.email-sent.v1} event on {@code helpdesk.events.v1}, keyed and sourced
 * like the ticket's other events, with the same id on every copy. (application.properties, test profile: globex has
 * its own sender and reply-to; initech only a name and {@code [Ticket#{ticketId}]}.)
 */
@QuarkusTest
class RepliesReachTheDeskTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Test
    void theUsersEmailCarriesTheDesksReplyToReferenceAndAutoSubmittedAndIsRecordedForTheTimeline() throws Exception {
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).source("globex").build();
        try (TopicTail events = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            publish(mapper, alert);
            MimeMessage mail = awaitMails(TestAlerts.LUCIA.email(), alert.ticketId(), 1).get(0);

            assertThat(subject(mail)).startsWith("Su solicitud").endsWith(" [#" + alert.ticketId() + "]");
            assertThat(mail.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                    .containsExactly("replies@globex.example");
            InternetAddress from = (InternetAddress) mail.getFrom()[0];
            assertThat(from.getPersonal()).isEqualTo("Globex Service Desk");
            assertThat(from.getAddress()).isEqualTo("help@globex.example");
            assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
            assertThat(mail.getHeader("Message-ID"))
                    .containsExactly(MessageIds.of(alert.alertId(), TestAlerts.LUCIA.email()));

            ConsumerRecord<String, String> record = awaitRecords(events, alert, 1).get(0);
            assertThat(record.key()).isEqualTo("globex/" + alert.ticketId());
            assertThat(TopicTail.header(record, CloudEvents.HEADER_TYPE)).isEqualTo(CloudEvents.TYPE_EMAIL_SENT);
            assertThat(TopicTail.header(record, CloudEvents.HEADER_SOURCE)).isEqualTo("globex");
            assertThat(TopicTail.header(record, CloudEvents.HEADER_SUBJECT)).isEqualTo(alert.ticketId());
            EmailSent sent = mapper.readValue(record.value(), EmailSent.class);
            assertThat(TopicTail.header(record, CloudEvents.HEADER_ID)).isEqualTo(sent.eventId())
                    .isEqualTo(MessageIds.eventId(alert.alertId(), TestAlerts.LUCIA.email()));
            assertThat(sent.ticketId()).isEqualTo(alert.ticketId());
            assertThat(sent.alertId()).isEqualTo(alert.alertId());
            assertThat(sent.alertKind()).isEqualTo(AlertKind.COMMITMENT_OVERDUE_USER);
            assertThat(sent.commitmentId()).isEqualTo(alert.commitment().commitmentId());
            assertThat(sent.recipientRole()).isEqualTo(RecipientRole.USER);
            assertThat(sent.recipient()).isEqualTo(TestAlerts.LUCIA.email());
            assertThat(sent.subject()).isEqualTo(subject(mail));
            assertThat(sent.language()).as("Lucía reads her own language").isEqualTo("es");
            assertThat(sent.messageId()).isEqualTo(mail.getHeader("Message-ID")[0]);
            assertThat(sent.sentAt()).isNotNull();
            await().atMost(PATIENCE).until(() -> outboxRows(alert) == 0);
        }
    }

    @Test
    void aDeskWithOnlyANameSendsUnderItsNameRepliesToItsSenderAndUsesItsOwnReference() throws Exception {
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).source("initech").build();
        publish(mapper, alert);
        MimeMessage mail = awaitMails(TestAlerts.MARTA.email(), alert.ticketId(), 1).get(0);

        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).as("the desk's name, not quarkus.mailer.from's 'Promesa'")
                .isEqualTo("Initech Soporte");
        assertThat(from.getAddress()).isEqualTo("promesa@localhost");
        assertThat(mail.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("promesa@localhost");
        assertThat(subject(mail)).startsWith("Promesa vencida").endsWith(" [Ticket#" + alert.ticketId() + "]");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    /**
     * The one duplicate window: the row is put back as a crash between the server's 250 and the SENT commit leaves it
     * (PENDING, due again). The second copy carries the first one's Message-ID, and the timeline record of each send
     * carries one event id, so followup keeps one entry. (In a real crash the first send has no record at all: its
     * outbox row is written by the SENT statement that never committed.)
     */
    @Test
    void aRepeatedSendKeepsTheMessageIdAndTheRecordsEventId() throws Exception {
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_DUE_SOON).build();
        try (TopicTail events = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            publish(mapper, alert);
            MimeMessage first = awaitMails(TestAlerts.MARTA.email(), alert.ticketId(), 1).get(0);
            awaitRecords(events, alert, 1);
            await().atMost(PATIENCE).until(() -> outboxRows(alert) == 0);

            asIfSentWasNeverCommitted(alert);
            List<MimeMessage> both = awaitMails(TestAlerts.MARTA.email(), alert.ticketId(), 2);

            assertThat(both).hasSize(2);
            assertThat(both.get(1).getHeader("Message-ID")).containsExactly(first.getHeader("Message-ID"));
            assertThat(both.get(1).getHeader("Message-ID"))
                    .containsExactly(MessageIds.of(alert.alertId(), TestAlerts.MARTA.email()));
            assertThat(awaitRecords(events, alert, 2)).extracting(r -> TopicTail.header(r, CloudEvents.HEADER_ID))
                    .containsOnly(MessageIds.eventId(alert.alertId(), TestAlerts.MARTA.email()));
            assertThat(mailsTo(TestAlerts.MARTA.email(), alert.ticketId())).hasSize(2);
        }
    }

    private void asIfSentWasNeverCommitted(Alert alert) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update notification set state = 'PENDING', attempts = 0, sent_at = null,
                                                next_attempt_at = now()
                        where alert_id = ?""")) {
            update.setString(1, alert.alertId());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private int outboxRows(Alert alert) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select count(*) from sent_email s join notification n on n.id = s.notification_id
                        where n.alert_id = ?""")) {
            select.setString(1, alert.alertId());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(TopicTail events, Alert alert, int count) {
        String key = alert.ticketRef().recordKey();
        await().atMost(PATIENCE)
                .until(() -> events.received().stream().filter(r -> key.equals(r.key())).count() >= count);
        return events.received().stream().filter(r -> key.equals(r.key())).toList();
    }
}
