package dev.promesa.notifier.recipient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.Person;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Addressee.Unresolved;

/**
 * Who gets an email for an alert. Pure logic: the rules of the contract plus the substitutions that make sure an alert
 * never reaches nobody without saying so.
 * <ul>
 * <li>COMMITMENT_DUE_SOON, COMMITMENT_OVERDUE, SLA_WARNING, RECURRENCE_REPORTED → the agent; SLA_BREACHED → the agent
 * and the lead.</li>
 * <li>COMMITMENT_OVERDUE_USER, SATISFACTION_CHECK → the requester.</li>
 * <li>ESCALATED level 1 → the team lead, level 2 (or more) → the manager.</li>
 * <li>No assignee → the team lead; no manager → the team lead; no lead → the fallback recipient; none of those → an
 * {@link Unresolved} entry naming what to configure.</li>
 * </ul>
 * The result has at most one entry per address: when the lead stands in for a missing agent on an SLA breach they get
 * one email, not two.
 */
public final class RecipientResolver {

    private final TeamDirectory directory;

    public RecipientResolver(TeamDirectory directory) {
        this.directory = directory;
    }

    public List<Addressee> resolve(Alert alert) {
        List<Addressee> wanted = switch (alert.kind()) {
            case COMMITMENT_DUE_SOON, COMMITMENT_OVERDUE, SLA_WARNING, RECURRENCE_REPORTED -> List.of(agent(alert));
            case SLA_BREACHED -> List.of(agent(alert), lead(alert));
            case COMMITMENT_OVERDUE_USER, SATISFACTION_CHECK -> List.of(user(alert));
            case ESCALATED -> List.of(alert.level() >= 2 ? manager(alert) : lead(alert));
        };
        Map<String, Addressee> unique = new LinkedHashMap<>();
        wanted.forEach(a -> unique.putIfAbsent(a.key(), a));
        return new ArrayList<>(unique.values());
    }

    private Addressee agent(Alert alert) {
        Person assignee = ticket(alert).assignee();
        if (assignee != null && EmailAddresses.isValid(assignee.email())) {
            return new Recipient(Audience.AGENT, assignee.email(), assignee.name(), assignee.locale(),
                    assignee.timeZone());
        }
        return lead(alert);
    }

    private Addressee user(Alert alert) {
        Person requester = ticket(alert).requester();
        if (requester != null && EmailAddresses.isValid(requester.email())) {
            return new Recipient(Audience.USER, requester.email(), requester.name(), requester.locale(),
                    requester.timeZone());
        }
        return new Unresolved(Audience.USER, "the requester of ticket " + alert.ticketId()
                + " has no valid e-mail address; correct it in the help desk and replay the alert from the DLQ");
    }

    private Addressee manager(Alert alert) {
        String team = ticket(alert).team();
        return staff(Audience.MANAGER, team, directory.manager(team)).orElseGet(() -> lead(alert));
    }

    private Addressee lead(Alert alert) {
        String team = ticket(alert).team();
        return staff(Audience.LEAD, team, directory.lead(team))
                .or(() -> staff(Audience.LEAD, team, directory.fallbackRecipient()))
                .orElseGet(() -> new Unresolved(Audience.LEAD, "no team lead for team '" + team
                        + "' and no fallback: set promesa.teams." + team + ".lead or promesa.fallback-recipient"));
    }

    private Optional<Addressee> staff(Audience audience, String team, Optional<String> address) {
        return address.filter(EmailAddresses::isValid)
                .map(email -> new Recipient(audience, email, null, directory.locale(team).orElse(null),
                        directory.timeZone(team).orElse(null)));
    }

    private static Alert.TicketContext ticket(Alert alert) {
        return alert.ticket() != null
                ? alert.ticket()
                : new Alert.TicketContext(null, null, null, null, null, null);
    }
}
