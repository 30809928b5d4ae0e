package dev.promesa.notifier;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketStatus;

/** Alerts as followup-service publishes them, with sensible defaults per kind and withers for what a test varies. */
public final class TestAlerts {
    /** Thursday 26 November 2026, 15:00 in Madrid, 14:00 in London, 09:00 in New York, 08:00 in Mexico City. */
    public static final Instant DUE = Instant.parse("2026-11-26T14:00:00Z");
    /** The source of the test alerts: the test key's (notifier-test-key), so the read API shows them. */
    public static final String SOURCE = "test-desk";

    public static final Person LUCIA = new Person("u-1", "Lucía Fernández", "lucia@example.com", "es-MX",
            "America/Mexico_City");
    public static final Person MARTA = new Person("a-1", "Marta Ruiz", "marta@example.com", "es", "Europe/Madrid");
    public static final Person JOHN = new Person("u-2", "John Carter", "john@example.com", "en-US", "America/New_York");
    public static final Person SAM = new Person("a-2", "Sam Patel", "sam@example.com", "en-GB", "Europe/London");

    private TestAlerts() {
    }

    public static Builder alert(AlertKind kind) {
        return new Builder(kind);
    }

    public static final class Builder {
        private final AlertKind kind;
        private String source = SOURCE;
        private String alertId = SOURCE + ":alert-" + UUID.randomUUID();
        private String ticketId = "T-" + UUID.randomUUID().toString().substring(0, 8);
        private int level;
        private Person requester = LUCIA;
        private Person assignee = MARTA;
        private String team = "service-desk";
        private String subject = "La impresora de la planta 2 no imprime";
        private String promise = "Enviar el presupuesto de la reparación";
        private Duration late;
        private TicketStatus status = TicketStatus.OPEN;
        private CommitmentKind promiseKind = CommitmentKind.UPDATE;
        private PromisedTo promisedTo = PromisedTo.USER;
        private boolean slaData = true;
        private Duration nextStepAfter;
        private boolean apology;

        private Builder(AlertKind kind) {
            this.kind = kind;
            this.level = kind == AlertKind.ESCALATED ? 1 : 0;
            this.late = switch (kind) {
                case COMMITMENT_DUE_SOON -> Duration.ofMinutes(-15);
                case SLA_WARNING -> Duration.ofHours(-2);
                case SATISFACTION_CHECK, RECURRENCE_REPORTED -> Duration.ZERO;
                default -> Duration.ofMinutes(80);
            };
        }

        public Builder alertId(String id) {
            this.alertId = id;
            return this;
        }

        /** Another help desk; the alert id takes its prefix, as followup's do. */
        public Builder source(String source) {
            this.alertId = alertId.replaceFirst("^[^:]+:", source + ":");
            this.source = source;
            return this;
        }

        public Builder ticketId(String id) {
            this.ticketId = id;
            return this;
        }

        public Builder level(int level) {
            this.level = level;
            return this;
        }

        public Builder requester(Person p) {
            this.requester = p;
            return this;
        }

        public Builder assignee(Person p) {
            this.assignee = p;
            return this;
        }

        public Builder team(String team) {
            this.team = team;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder promise(String promise) {
            this.promise = promise;
            return this;
        }

        public Builder commitmentKind(CommitmentKind kind) {
            this.promiseKind = kind;
            return this;
        }

        public Builder promisedTo(PromisedTo to) {
            this.promisedTo = to;
            return this;
        }

        /** An SLA alert without its metric and target (an older or partial alert). */
        public Builder withoutSlaData() {
            this.slaData = false;
            return this;
        }

        public Builder status(TicketStatus status) {
            this.status = status;
            return this;
        }

        public Builder late(Duration late) {
            this.late = late;
            return this;
        }

        /**
         * The alert names the next step the user's apology promised: news within {@code after} of the alert (for a
         * COMMITMENT_OVERDUE_USER: the time this apology names; for a staff alert: what the user was told).
         */
        public Builder nextStep(Duration after) {
            this.nextStepAfter = after;
            return this;
        }

        /**
         * The promise is itself the next step of an earlier apology (origin APOLOGY, round 1, made two hours before it
         * fell due, no description): its COMMITMENT_OVERDUE_USER is the second apology.
         */
        public Builder apology() {
            this.apology = true;
            this.promise = null;
            return this;
        }

        /** English requester and agent on the night-shift team (lead in English, New York time). */
        public Builder english() {
            requester = JOHN;
            assignee = SAM;
            team = "night-shift";
            subject = "The printer on floor 2 does not print";
            promise = apology ? null : "Send the repair quote";
            return this;
        }

        public Alert build() {
            boolean commitmentKind = switch (kind) {
                case COMMITMENT_DUE_SOON, COMMITMENT_OVERDUE, COMMITMENT_OVERDUE_USER, ESCALATED -> true;
                default -> false;
            };
            boolean slaKind = kind == AlertKind.SLA_WARNING || kind == AlertKind.SLA_BREACHED;
            var ticket = new Alert.TicketContext(subject, Priority.P2, status, requester, assignee, team);
            var commitment = commitmentKind
                    ? new Alert.CommitmentContext("c-" + alertId, promiseKind, promise, promisedTo,
                            DUE.minus(Duration.ofHours(apology ? 2 : 4)),
                            apology ? null : "Le envío el presupuesto antes de las 15:00.",
                            apology ? CommitmentOrigin.APOLOGY : CommitmentOrigin.REQUEST, null, apology ? 1 : 0)
                    : null;
            var sla = slaKind
                    ? new Alert.SlaContext(slaData ? SlaMetric.RESOLUTION : null, slaData ? Duration.ofHours(8) : null,
                            kind == AlertKind.SLA_WARNING ? 75 : 100, "default")
                    : null;
            Instant firedAt = DUE.plus(late);
            // a staff alert names what the user was told in the apology, which fired a user grace after the due time
            Instant toldAt = kind == AlertKind.COMMITMENT_OVERDUE_USER ? firedAt : DUE.plus(Duration.ofMinutes(30));
            var nextStep = nextStepAfter == null
                    ? null
                    : new Alert.NextStep("c-" + alertId + "~next", toldAt, toldAt.plus(nextStepAfter));
            return new Alert(alertId, kind, level, ticketId, source, firedAt, DUE, late, ticket, commitment, sla,
                    nextStep);
        }
    }
}
