package dev.promesa.notifier.template;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;

/**
 * Everything a mail template may show, already in the recipient's language and zone. Ticket text (subject, promise,
 * names) is raw here: the HTML templates escape it, the text templates print it as is.
 *
 * @param recipientName how to greet the recipient; null when only the address is known
 * @param unassigned nobody is assigned: a lead receives what would have gone to the agent
 * @param ticketUrl null when no {@code promesa.ticket-url-template} is configured
 * @param promise what was promised (commitment alerts), else null
 * @param callback the promise is a callback; with {@code action}, the verb a template uses when the promise has no
 *        description ("llamarle" for a callback, "una gestión" for an action, else "una actualización")
 * @param action the promise is an action (kept by a fulfilment, not by a reply)
 * @param toTeam the promise was made to the team, not to the user
 * @param agentWords the agent's words when making the promise, else null
 * @param madeAt when the promise was made, else null
 * @param due when the promise or target is (or was) due
 * @param late how late, null when not late (yet): compact, for staff ("1 h 20 min")
 * @param lateInWords how late in words, for users ("una hora y veinte minutos"), null when not late
 * @param left how long until due, null when due or late
 * @param agentName the assignee's name, null when unassigned
 * @param slaMetric which service level, named in the reader's language ("first response"), for SLA alerts; else null
 * @param slaTarget the target as a duration, for SLA alerts; else null
 * @param teamName the ticket's team as people read it ({@code teams.<team>.name}), else its code; null without team
 * @param userTeamName the team's configured name only ({@code teams.<team>.name}), for users, who never read a
 *        team's code; null without one
 * @param deskName the help desk's name as users know it ("Soporte TI de Acme"), null when not configured
 * @param usEnglish the reader is American (en-US): American spelling where the templates differ ("apologize")
 * @param waitingOnUser the ticket waits for the user's answer when the alert fires (status {@code WAITING_ON_USER}):
 *        the user's email says what the desk needs instead of "nothing more to do" (docs/notifier-service.md)
 * @param nextStep the time the user will hear from the desk by ({@link Alert.NextStep}): named in the apology, and in
 *        later staff emails about the same promise; null without one
 * @param nextStepToldAt when the user was told {@code nextStep}; null without one
 * @param apology the promise is itself the next step of an apology (origin {@code APOLOGY}): the user's email says
 *        "de nuevo" and is signed by the team lead; staff read what the user was promised
 * @param leadName the team lead's name ({@code teams.<team>.lead-name}), who signs the second apology; else null
 * @param raisedAt a staff email held for the recipient's working hours: when the alert was raised ("el viernes 4 de
 *        diciembre a las 20:00 (hora de Madrid)"), so the reader knows it is not news of this morning; else null
 * @param ackUrl "Me encargo" / "I'm on it" in a staff email about a promise ({@link EmailLinks}); null without
 *        {@code promesa.links.base-url} and in every other email
 * @param worksUrl "Sí, todo funciona" / "Yes, it works" in the satisfaction check; else null
 * @param failedAgainUrl "No, ha vuelto a fallar" / "No, it failed again" in the satisfaction check; else null
 */
public record MailModel(
        AlertKind kind,
        int level,
        boolean unassigned,
        String recipientName,
        String ticketId,
        String ticketSubject,
        String ticketUrl,
        String priority,
        String promise,
        boolean callback,
        boolean action,
        boolean toTeam,
        String agentWords,
        String madeAt,
        String due,
        String late,
        String lateInWords,
        String left,
        String agentName,
        String teamName,
        String userTeamName,
        String requesterName,
        String slaMetric,
        String slaTarget,
        int slaPercent,
        String deskName,
        boolean usEnglish,
        boolean waitingOnUser,
        String nextStep,
        String nextStepToldAt,
        boolean apology,
        String leadName,
        String raisedAt,
        String ackUrl,
        String worksUrl,
        String failedAgainUrl) {

    public boolean dueSoon() {
        return kind == AlertKind.COMMITMENT_DUE_SOON;
    }

    public boolean overdue() {
        return kind == AlertKind.COMMITMENT_OVERDUE;
    }

    public boolean escalated() {
        return kind == AlertKind.ESCALATED;
    }

    public boolean slaWarning() {
        return kind == AlertKind.SLA_WARNING;
    }

    public boolean slaBreached() {
        return kind == AlertKind.SLA_BREACHED;
    }

    /** The user answered the satisfaction check "it failed again". */
    public boolean recurrenceReported() {
        return kind == AlertKind.RECURRENCE_REPORTED;
    }
}
