package dev.promesa.notifier.delivery;

import static dev.promesa.notifier.Deliveries.PATIENCE;
import static dev.promesa.notifier.Deliveries.notifications;
import static dev.promesa.notifier.Deliveries.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Person;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.testsupport.ConsoleLog;

/**
 * Issue 7: the notifier's log lines name recipients only masked ({@code p***@example.com}), as its console prints them
 * (api-security's filter on the console handler, {@code quarkus.log.console.filter=email-mask}).
 */
@QuarkusTest
class LogPrivacyTest {
    private static final String ADDRESS = "privacy.check@example.com";

    @Inject
    ObjectMapper mapper;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger notifierLogs = Logger.getLogger("dev.promesa.notifier");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String printed = ConsoleLog.message(record);
            if (printed != null) {
                lines.add(printed);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        notifierLogs.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        notifierLogs.removeHandler(capture);
    }

    @Test
    void deliveryLogsNameTheRecipientMasked() {
        Person agent = new Person("a-9", "Pat Privacy", ADDRESS, "es", "Europe/Madrid");
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).assignee(agent).build();
        publish(mapper, alert);

        await().atMost(PATIENCE).until(() -> notifications(alert.ticketId()).stream()
                .anyMatch(n -> "SENT".equals(n.get("state"))));
        await().atMost(PATIENCE).until(() -> linesAbout(alert).stream().anyMatch(l -> l.startsWith("Sent ")));

        assertThat(linesAbout(alert)).filteredOn(l -> l.startsWith("Sent ") || l.contains("emails queued"))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("p***@example.com"));
        assertThat(lines).noneMatch(l -> l.contains(ADDRESS));
    }

    private List<String> linesAbout(Alert alert) {
        return lines.stream().filter(l -> l.contains(alert.alertId())).toList();
    }
}
