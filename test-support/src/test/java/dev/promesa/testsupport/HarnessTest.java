package dev.promesa.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.promesa.contracts.Topics;

/** Each part of the harness really starts, answers and can be taken down and back. */
class HarnessTest {

    @Test
    void kafkaBrokerTakesAndServesRecordsWithHeaders() {
        KafkaBroker broker = KafkaBroker.shared();
        try (TopicTail tail = broker.tail(Topics.HELPDESK_EVENTS)) {
            broker.send(Topics.HELPDESK_EVENTS, "T-1", "{\"hello\":1}", Map.of("ce_id", "e-1"));

            ConsumerRecord<String, String> record = tail.awaitCount(1, Duration.ofSeconds(30)).get(0);

            assertThat(record.key()).isEqualTo("T-1");
            assertThat(record.value()).isEqualTo("{\"hello\":1}");
            assertThat(TopicTail.header(record, "ce_id")).isEqualTo("e-1");
        }
    }

    @Test
    void contractTopicsExistWithTheirPartitions() throws Exception {
        try (Admin admin = KafkaBroker.shared().admin()) {
            var topics = admin.describeTopics(java.util.List.of(Topics.HELPDESK_EVENTS, Topics.ALERTS,
                    Topics.HELPDESK_EVENTS_DLQ, Topics.ALERTS_DLQ)).allTopicNames().get();
            assertThat(topics).hasSize(4);
            topics.values().forEach(t -> assertThat(t.partitions()).hasSize(KafkaBroker.PARTITIONS));
        }
    }

    @Test
    void kafkaBrokerComesBackAfterAStopWithItsData() {
        KafkaBroker broker = KafkaBroker.shared();
        org.junit.jupiter.api.Assumptions.assumeFalse(broker.external(), "an external broker is not ours to stop");
        broker.createTopics(1, "harness.restart");
        try (TopicTail tail = broker.tail("harness.restart")) {
            broker.send("harness.restart", "k", "before", Map.of());
            broker.stop();
            assertThat(broker.running()).isFalse();
            broker.start();
            broker.send("harness.restart", "k", "after", Map.of());

            assertThat(tail.awaitCount(2, Duration.ofSeconds(60))).extracting(ConsumerRecord::value)
                    .containsExactly("before", "after");
        }
    }

    @Test
    void postgresGivesAFreshDatabaseThatAnswers() throws Exception {
        PostgresDatabase database = PostgresDatabase.shared();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE harness_probe(id int primary key)");
            statement.execute("INSERT INTO harness_probe VALUES (42)");
            try (ResultSet rs = statement.executeQuery("SELECT current_database(), (SELECT id FROM harness_probe)")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("promesa_test_");
                assertThat(rs.getInt(2)).isEqualTo(42);
            }
        }
    }

    @Test
    void smtpServerReceivesMailAndCanBeTakenDown() throws Exception {
        SmtpServer smtp = SmtpServer.shared();
        smtp.reset();
        send(smtp, "Primera");
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(10))[0].getSubject()).isEqualTo("Primera");

        smtp.stop();
        assertThatThrownBy(() -> send(smtp, "Nadie escucha")).isInstanceOf(jakarta.mail.MessagingException.class);
        smtp.start();
        send(smtp, "De vuelta");
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(10))).extracting(MimeMessage::getSubject)
                .contains("De vuelta");
    }

    @Test
    void postgresTestDatabaseIsNamedPerJvmAndDroppable() throws Exception {
        // The drop at JVM exit is a shutdown hook; here we prove the same DROP works on a sibling database.
        PostgresDatabase database = PostgresDatabase.shared();
        String admin = database.jdbcUrl().replaceFirst("/promesa_test_[^/?]*", "/postgres");
        try (Connection connection = DriverManager.getConnection(admin, database.username(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE harness_drop_probe");
            statement.execute("DROP DATABASE harness_drop_probe WITH (FORCE)");
            try (ResultSet rs = statement.executeQuery(
                    "SELECT count(*) FROM pg_database WHERE datname = 'harness_drop_probe'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    private static void send(SmtpServer smtp, String subject) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("promesa@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("agente@example.com"));
        message.setSubject(subject);
        message.setText("hola");
        Transport.send(message);
    }
}
