package dev.promesa.notifier.hours;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.promesa.calendar.BusinessCalendar;
import dev.promesa.calendar.WorkingHoursCalendar;
import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.Priority;
import dev.promesa.notifier.recipient.Audience;

/**
 * Working hours for staff, as pure rules: whose hours count for a recipient, and whether (and until when) an email to
 * them waits. An agent, lead or manager email whose alert arrives outside the recipient's working hours waits for the
 * next working hour; user emails never wait; exempt alerts (by default P1 tickets and {@code ESCALATED} level 2) go
 * at once.
 * <p>
 * Whose hours: an agent's own zone (the assignee's {@code timeZone}) with the policy calendar's working days, hours
 * and holidays read on that zone's wall clock; else the team's calendar; else the policy calendar. A lead's or
 * manager's: the team's calendar ({@code teams.<team>.calendar}); else the team's zone ({@code teams.<team>.time-zone})
 * with the policy calendar's days and hours; else the policy calendar.
 */
public final class StaffHours {

    private StaffHours() {
    }

    /**
     * One source's hold rule.
     *
     * @param enabled false: nothing is held (a desk that works around the clock)
     * @param exemptPriorities tickets of these priorities reach staff at once
     * @param exemptEscalationLevel {@code ESCALATED} alerts of this level or above go at once; 0: none
     */
    public record Rule(boolean enabled, Set<Priority> exemptPriorities, int exemptEscalationLevel) {

        public Rule {
            exemptPriorities = exemptPriorities.isEmpty() ? Set.of() : Set.copyOf(exemptPriorities);
            if (exemptEscalationLevel < 0) {
                throw new IllegalArgumentException("exempt-escalation-level must be 0 (none) or more, not "
                        + exemptEscalationLevel);
            }
        }

        /** The rule from its settings; {@code key} names the setting in errors ({@code promesa.sources.acme.…}). */
        public static Rule of(boolean enabled, String exemptPriorities, int exemptEscalationLevel, String key) {
            return new Rule(enabled, priorities(exemptPriorities, key + ".exempt-priorities"), exemptEscalationLevel);
        }

        /** Whether this alert reaches staff at any hour. */
        public boolean exempts(Alert alert) {
            Priority priority = alert.ticket() == null ? null : alert.ticket().priority();
            if (priority != null && exemptPriorities.contains(priority)) {
                return true;
            }
            return alert.kind() == AlertKind.ESCALATED && exemptEscalationLevel > 0
                    && alert.level() >= exemptEscalationLevel;
        }

        private static Set<Priority> priorities(String text, String key) {
            String trimmed = text == null ? "" : text.trim();
            if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
                return Set.of();
            }
            Set<Priority> priorities = EnumSet.noneOf(Priority.class);
            for (String part : trimmed.split(",")) {
                try {
                    priorities.add(Priority.valueOf(part.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + " is '" + text + "': list priorities (P1,P2) or write "
                            + "none", e);
                }
            }
            return priorities;
        }
    }

    /**
     * A recipient's working hours and where they come from, for logs.
     *
     * @param from e.g. {@code "own zone America/New_York"}, {@code "team calendar night"}, {@code "policy calendar default"}
     */
    public record Hours(WorkingHoursCalendar calendar, String from) {
    }

    /**
     * Whose hours count for one recipient (see the class comment).
     *
     * @param ownZone the agent's zone, or for a lead or manager the team's zone; empty when unknown or not a zone
     * @param team the team's calendar, if it names one
     * @param policy the ticket's policy calendar
     */
    public static Hours hoursOf(Audience audience, Optional<ZoneId> ownZone, Optional<Hours> team, Hours policy) {
        Optional<Hours> inOwnZone = ownZone.map(zone -> new Hours(policy.calendar().inZone(zone),
                policy.from() + " in " + (audience == Audience.AGENT ? "own" : "team") + " zone " + zone));
        if (audience == Audience.AGENT) {
            return inOwnZone.or(() -> team).orElse(policy);
        }
        return team.or(() -> inOwnZone).orElse(policy);
    }

    /** Whether working hours apply at all: a staff recipient, a rule that is on, an alert it does not exempt. */
    public static boolean mayHold(Alert alert, Audience audience, Rule rule) {
        return audience.isStaff() && rule.enabled() && !rule.exempts(alert);
    }

    /**
     * When an email to a recipient of {@code audience} about {@code alert}, arriving at {@code arrival}, may go: empty
     * for at once (a user, a rule that is off, an exempt alert, or a recipient who is at work), else the next working
     * instant of {@code hours}.
     */
    public static Optional<Instant> notBefore(Alert alert, Audience audience, Instant arrival, Rule rule,
            BusinessCalendar hours) {
        if (!mayHold(alert, audience, rule)) {
            return Optional.empty();
        }
        Instant open = hours.nextOpen(arrival);
        return open.isAfter(arrival) ? Optional.of(open) : Optional.empty();
    }
}
