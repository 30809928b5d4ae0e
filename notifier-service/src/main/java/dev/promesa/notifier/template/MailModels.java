package dev.promesa.notifier.template;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import dev.promesa.calendar.HumanTime;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.SlaMetric;
import dev.promesa.contracts.TicketStatus;

/** Turns an alert into the facts a template shows, formatted for one reader's language and zone. Pure. */
public final class MailModels {

    private MailModels() {
    }

    /**
     * An email that goes at once and carries no signed links (the notes in the help desk).
     *
     * @param language the reader's dialect: {@code es}, {@code en} or {@code en-US} ({@link MailLanguage#dialect})
     */
    public static MailModel of(Alert alert, String recipientName, String language, ZoneId zone,
            Letterhead letterhead) {
        return of(alert, recipientName, language, zone, letterhead, null, EmailLinks.Links.NONE);
    }

    /**
     * @param heldUntil a staff email held for working hours: when it goes (the model then says when the alert was
     *        raised); null for an email that goes at once
     * @param links the signed links of this email ({@link EmailLinks.Links#NONE} for none)
     */
    public static MailModel of(Alert alert, String recipientName, String language, ZoneId zone,
            Letterhead letterhead, Instant heldUntil, EmailLinks.Links links) {
        Alert.TicketContext ticket = alert.ticket();
        Alert.CommitmentContext commitment = alert.commitment();
        Alert.SlaContext sla = alert.sla();
        Person assignee = ticket.assignee();
        Person requester = ticket.requester();
        Alert.NextStep next = alert.nextStep();
        Instant reference = alert.firedAt() != null ? alert.firedAt() : Instant.now();
        Duration late = alert.late() == null ? Duration.ZERO : alert.late();
        return new MailModel(
                alert.kind(),
                alert.level(),
                assignee == null || blank(assignee.name()) && blank(assignee.email()),
                blank(recipientName) ? null : recipientName,
                alert.ticketId(),
                blank(ticket.subject()) ? "" : ticket.subject().strip(),
                letterhead.links().link(alert.ticketId()).orElse(null),
                ticket.priority() == null ? null : ticket.priority().name(),
                commitment == null || blank(commitment.description()) ? null : commitment.description(),
                commitment != null && commitment.kind() == CommitmentKind.CALLBACK,
                commitment != null && commitment.kind() == CommitmentKind.ACTION,
                commitment != null && commitment.promisedTo() == PromisedTo.TEAM,
                commitment == null || blank(commitment.agentWords()) ? null : commitment.agentWords(),
                commitment == null || commitment.madeAt() == null
                        ? null
                        : HumanTime.dateTime(commitment.madeAt(), reference, zone, language),
                alert.dueAt() == null ? null : HumanTime.dateTime(alert.dueAt(), reference, zone, language),
                late.compareTo(Duration.ZERO) > 0 ? HumanTime.duration(late, language) : null,
                late.compareTo(Duration.ZERO) > 0 ? HumanTime.words(late, language) : null,
                late.isNegative() ? HumanTime.duration(late, language) : null,
                assignee == null || blank(assignee.name()) ? null : assignee.name(),
                letterhead.teamName(ticket.team()),
                letterhead.teamDisplayName(ticket.team()),
                requester == null || blank(requester.name()) ? null : requester.name(),
                sla == null || sla.metric() == null ? null : metricName(sla.metric(), language),
                sla == null || sla.target() == null ? null : HumanTime.duration(sla.target(), language),
                sla == null ? 0 : sla.percent(),
                letterhead.deskName().filter(name -> !name.isBlank()).orElse(null),
                "en-US".equals(language),
                ticket.status() == TicketStatus.WAITING_ON_USER,
                next == null || next.dueAt() == null
                        ? null
                        : HumanTime.dateTime(next.dueAt(), reference, zone, language),
                next == null || next.toldAt() == null
                        ? null
                        : HumanTime.dateTime(next.toldAt(), reference, zone, language),
                commitment != null && commitment.origin() == CommitmentOrigin.APOLOGY,
                letterhead.teams().leadName(ticket.team()).filter(name -> !name.isBlank()).orElse(null),
                heldUntil == null || alert.firedAt() == null
                        ? null
                        : HumanTime.dateTime(alert.firedAt(), heldUntil, zone, language),
                links.ackUrl(),
                links.worksUrl(),
                links.failedAgainUrl());
    }

    static String metricName(SlaMetric metric, String language) {
        boolean es = language.startsWith("es");
        return switch (metric) {
            case FIRST_RESPONSE -> es ? "primera respuesta" : "first response";
            case NEXT_UPDATE -> es ? "siguiente actualización" : "next update";
            case RESOLUTION -> es ? "resolución" : "resolution";
        };
    }

    /** The reader's own zone if it is a valid IANA zone, else the configured default. */
    public static ZoneId zoneOf(String zone, ZoneId fallback) {
        if (blank(zone)) {
            return fallback;
        }
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
