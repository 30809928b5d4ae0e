package dev.promesa.notifier.template;

import java.time.Duration;
import java.time.Instant;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketStatus;

/** Realistic sample alerts for the template preview, one per kind. */
public final class SampleAlerts {
    static final Instant DUE = Instant.parse("2026-11-26T14:00:00Z");

    private SampleAlerts() {
    }

    public static Alert of(AlertKind kind, String language) {
        boolean es = "es".equals(language);
        Person requester = es
                ? new Person("u-1", "Lucía Fernández", "lucia.fernandez@example.com", "es-ES", "Europe/Madrid")
                : new Person("u-1", "Jane Smith", "jane.smith@example.com", "en-GB", "Europe/London");
        Person agent = new Person("a-7", "Marta Ruiz", "marta.ruiz@example.com", language, "Europe/Madrid");
        String subject = es ? "No puedo conectarme a la VPN" : "Cannot connect to the VPN";
        Alert.TicketContext ticket = new Alert.TicketContext(subject, Priority.P2, TicketStatus.OPEN, requester, agent,
                "service-desk");
        Alert.CommitmentContext commitment = new Alert.CommitmentContext("c-1", CommitmentKind.UPDATE,
                es
                        ? "Enviarle una actualización sobre el certificado de la VPN"
                        : "Send you an update on the VPN certificate",
                PromisedTo.USER, DUE.minus(Duration.ofHours(3)),
                es ? "Le escribo antes de las 15:00 con novedades." : "I will write to you before 15:00 with news.",
                CommitmentOrigin.REQUEST, null, 0);
        Alert.SlaContext sla = new Alert.SlaContext(SlaMetric.RESOLUTION, Duration.ofHours(8),
                kind == AlertKind.SLA_WARNING ? 75 : 100, "default");
        return switch (kind) {
            case COMMITMENT_DUE_SOON -> alert(kind, 0, Duration.ofMinutes(-15), ticket, commitment, null);
            case COMMITMENT_OVERDUE -> alert(kind, 0, Duration.ofMinutes(5), ticket, commitment, null);
            case COMMITMENT_OVERDUE_USER -> alert(kind, 0, Duration.ofMinutes(30), ticket, commitment, null);
            case ESCALATED -> alert(kind, 1, Duration.ofMinutes(80), ticket, commitment, null);
            case SLA_WARNING -> alert(kind, 0, Duration.ofHours(-2), ticket, null, sla);
            case SLA_BREACHED -> alert(kind, 0, Duration.ofMinutes(45), ticket, null, sla);
            case SATISFACTION_CHECK, RECURRENCE_REPORTED -> alert(kind, 0, Duration.ZERO, ticket, null, null);
        };
    }

    private static Alert alert(AlertKind kind, int level, Duration late, Alert.TicketContext ticket,
            Alert.CommitmentContext commitment, Alert.SlaContext sla) {
        return new Alert("sample-" + kind.name().toLowerCase(), kind, level, "HD-1042", "sample-desk", DUE.plus(late),
                DUE, late, ticket, commitment, sla, null);
    }
}
