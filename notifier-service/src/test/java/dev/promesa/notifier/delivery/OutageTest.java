package dev.promesa.notifier.delivery;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.mailsTo;
import static dev.promesa.notifier.Deliveries.notifications;
import static dev.promesa.notifier.Deliveries.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.config.NotifierConfig;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.messaging.Backoff;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.testsupport.SmtpServer;

/**
 * The mail server is away for longer than the old retry budget (8 attempts) would have lasted: with the old default
 * every email below would be FAILED for good. Here they all wait, and all arrive, once each, when the server is back
 * on the same port. The %test profile scales the budget down (0.1 s doubling up to 0.5 s, for 10 s instead of 1 s up to
 * 5 min for 2 h), so "longer than the old budget" is seconds, not minutes.
 */
@QuarkusTest
class OutageTest {
    /** Earlier versions gave up after this many attempts. */
    private static final int OLD_MAX_ATTEMPTS = 8;

    @Inject
    ObjectMapper mapper;

    @Inject
    NotifierConfig config;

    @AfterEach
    void smtpBackUp() {
        SmtpServer.shared().start();
    }

    @Test
    void smtpAwayLongerThanTheOldBudgetEveryEmailArrivesOnceWhenItIsBack() {
        NotifierConfig.Delivery delivery = config.delivery();
        Backoff backoff = new Backoff(delivery.initialBackoff(), delivery.maxBackoff());
        Duration oldBudget = Duration.ZERO;
        for (int failed = 1; failed < OLD_MAX_ATTEMPTS; failed++) {
            oldBudget = oldBudget.plus(backoff.after(failed));
        }
        assertThat(delivery.retryFor()).as("the test profile's budget outlasts the old one").isGreaterThan(oldBudget);

        SmtpServer.shared().stop();
        Instant down = Instant.now();
        List<Alert> alerts = List.of(
                TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).build(),
                TestAlerts.alert(AlertKind.SLA_BREACHED).build(),
                TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).build(),
                TestAlerts.alert(AlertKind.ESCALATED).level(2).english().build());
        alerts.forEach(alert -> publish(mapper, alert));
        // marta (agent), marta and the lead (breach), lucia (user), night-shift's lead standing in for its manager
        Map<String, String> recipients = Map.of(
                alerts.get(0).ticketId(), "marta@example.com",
                alerts.get(2).ticketId(), "lucia@example.com",
                alerts.get(3).ticketId(), "night.lead@example.com");

        // Longer than the old budget, shown by the rows themselves: every email has failed more often than the old
        // default allowed, and is still waiting for its next attempt.
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .alias("every email failed more than " + OLD_MAX_ATTEMPTS + " times and is still PENDING")
                .until(() -> {
                    List<Map<String, Object>> rows = rows(alerts);
                    return rows.size() == 5 && rows.stream().allMatch(
                            n -> "PENDING".equals(n.get("state")) && (Integer) n.get("attempts") > OLD_MAX_ATTEMPTS);
                });
        Duration away = Duration.between(down, Instant.now());
        assertThat(away).as("SMTP away for longer than the old budget").isGreaterThan(oldBudget);
        assertThat(rows(alerts)).allSatisfy(n -> {
            assertThat(n.get("failingSince")).isNotNull();
            assertThat((String) n.get("lastError")).isNotBlank();
        });

        SmtpServer.shared().start();
        Instant back = Instant.now();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).alias("every email sent once the server is back")
                .until(() -> rows(alerts).stream().allMatch(n -> "SENT".equals(n.get("state"))));
        Duration recovery = Duration.between(back, Instant.now());
        recipients.forEach((ticket, to) -> assertThat(mailsTo(to, ticket)).as("emails to %s", to).hasSize(1));
        Alert breach = alerts.get(1);
        assertThat(mailsTo("marta@example.com", breach.ticketId())).hasSize(1);
        assertThat(mailsTo("lead@example.com", breach.ticketId())).hasSize(1);
        assertThat(rows(alerts)).allSatisfy(n -> {
            assertThat((Integer) n.get("attempts")).isGreaterThan(OLD_MAX_ATTEMPTS + 1);
            assertThat(n.get("lastError")).isNull();
            assertThat(n.get("failingSince")).isNull();
            assertThat(n.get("resends")).isEqualTo(0);
        });
        System.out.printf("[outage-test] SMTP away %d ms (the old budget: %d ms); all 5 emails SENT within %d ms of "
                + "its return%n", away.toMillis(), oldBudget.toMillis(), recovery.toMillis());
    }

    private static List<Map<String, Object>> rows(List<Alert> alerts) {
        return alerts.stream().flatMap(a -> notifications(a.ticketId()).stream()).toList();
    }
}
