package dev.promesa.followup.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The board's sentences in English; same keys as {@link BoardText}. */
@Localized("en")
public interface BoardTextEn extends BoardText {

    @Override
    @Message("Skip to content")
    String skipToContent();

    @Override
    @Message("Board sections")
    String navLabel();

    @Override
    @Message("My promises")
    String navMine();

    @Override
    @Message("Team")
    String navTeam();

    @Override
    @Message("Operations")
    String navOperator();

    @Override
    @Message("Español")
    String switchLanguage();

    @Override
    @Message("Sign out")
    String signOut();

    @Override
    @Message("Times in {zone}.")
    String timesIn(String zone);

    @Override
    @Message("{#if status == 'OVERDUE'}Overdue{#else if status == 'DUE_SOON'}Due soon"
            + "{#else if status == 'SUGGESTED'}To confirm{#else}On time{/if}")
    String status(String status);

    @Override
    @Message("{distance} ago")
    String lateBy(String distance);

    @Override
    @Message("in {distance}")
    String dueIn(String distance);

    @Override
    @Message("no time yet")
    String noTime();

    @Override
    @Message("{#if kind == 'CALLBACK'}Call {#if toUser}the user{#else}the team{/if} back"
            + "{#else if kind == 'UPDATE'}Update {#if toUser}the user{#else}the team{/if}"
            + "{#else}Commitment to {#if toUser}the user{#else}the team{/if}{/if}")
    String kind(String kind, boolean toUser);

    @Override
    @Message("Read in your own words")
    String fromText();

    @Override
    @Message("Next step promised in the apology")
    String apology();

    @Override
    @Message("My promises")
    String mineTitle();

    @Override
    @Message("What you have promised on your open tickets, most urgent first.")
    String mineLede();

    @Override
    @Message("You have no open promises. When you promise a user something, it will show here.")
    String mineEmpty();

    @Override
    @Message("Open")
    String countOpen();

    @Override
    @Message("Due soon")
    String countDueSoon();

    @Override
    @Message("Overdue")
    String countOverdue();

    @Override
    @Message("To confirm")
    String countSuggested();

    @Override
    @Message("Status")
    String colStatus();

    @Override
    @Message("Due")
    String colDue();

    @Override
    @Message("Promise")
    String colPromise();

    @Override
    @Message("Ticket")
    String colTicket();

    @Override
    @Message("Agent")
    String colAgent();

    @Override
    @Message("Actions")
    String colActions();

    @Override
    @Message("Service levels close to being missed")
    String clocksTitle();

    @Override
    @Message("{#if metric == 'FIRST_RESPONSE'}First response{#else if metric == 'NEXT_UPDATE'}Next update"
            + "{#else}Resolution{/if}")
    String metric(String metric);

    @Override
    @Message("Missed")
    String clockBreached();

    @Override
    @Message("Updated at")
    String updated();

    @Override
    @Message("Team {team}")
    String teamTitle(String team);

    @Override
    @Message("The team's open promises, by agent.")
    String teamLede();

    @Override
    @Message("There are no open promises in this team.")
    String teamEmpty();

    @Override
    @Message("Teams")
    String teamsLabel();

    @Override
    @Message("Unassigned")
    String unassigned();

    @Override
    @Message("See all {count} of {agent}")
    String showAll(int count, String agent);

    @Override
    @Message("See the whole team")
    String showTeam();

    @Override
    @Message("You are not on a team yet.")
    String noTeams();

    @Override
    @Message("Ticket {id}")
    String ticketTitle(String id);

    @Override
    @Message("Priority {priority}")
    String priority(String priority);

    @Override
    @Message("Assigned to {name}")
    String assignedTo(String name);

    @Override
    @Message("Unassigned")
    String notAssigned();

    @Override
    @Message("Resolved")
    String resolved();

    @Override
    @Message("Open promises")
    String openPromises();

    @Override
    @Message("This ticket has no open promises.")
    String noOpenPromises();

    @Override
    @Message("Earlier promises")
    String closedPromises();

    @Override
    @Message("{#if state == 'KEPT'}Kept{#else if state == 'SETTLED'}Closed with the ticket"
            + "{#else if state == 'CANCELLED'}Cancelled{#else}{state}{/if}")
    String closedState(String state);

    @Override
    @Message("Service levels")
    String clocks();

    @Override
    @Message("{#if state == 'RUNNING'}Running{#else if state == 'PAUSED'}Paused (waiting for the user)"
            + "{#else if state == 'MET'}Met{#else}Stopped{/if}")
    String clockState(String state);

    @Override
    @Message("Promesa's next alerts")
    String upcoming();

    @Override
    @Message("{#if kind == 'COMMITMENT_DUE_SOON'}To the agent: promise due soon"
            + "{#else if kind == 'COMMITMENT_OVERDUE'}To the agent: promise overdue"
            + "{#else if kind == 'COMMITMENT_OVERDUE_USER'}Apology to the user with a new time"
            + "{#else if kind == 'ESCALATED'}To the team lead"
            + "{#else if kind == 'SLA_WARNING'}Service level at risk"
            + "{#else if kind == 'SLA_BREACHED'}Service level missed"
            + "{#else if kind == 'SATISFACTION_CHECK'}Asks the user whether everything works"
            + "{#else if kind == 'RECURRENCE_REPORTED'}The user says it failed again{#else}{kind}{/if}")
    String alertKind(String kind);

    @Override
    @Message("History")
    String timeline();

    @Override
    @Message("The ticket has no history yet.")
    String timelineEmpty();

    @Override
    @Message("{#if kind == 'AGENT_REPLY'}Agent reply{#else if kind == 'USER_MESSAGE'}Message from the user"
            + "{#else if kind == 'CALL_SUMMARY'}Call summary{#else}Internal note{/if}"
            + "{#if author} · {author}{/if}")
    String interaction(String kind, String author);

    @Override
    @Message("{#if type == 'PROMISE_CONFIRMED'}Promise confirmed"
            + "{#else if type == 'PROMISE_RESCHEDULED'}Promise rescheduled"
            + "{#else if type == 'PROMISE_CANCELLED'}Promise cancelled"
            + "{#else if type == 'PROMISE_KEPT'}Promise marked as kept"
            + "{#else if type == 'PROMISE_TAKEN'}\u201cI'm on it\u201d"
            + "{#else if type == 'NEXT_STEP_PROMISED'}Promise made in the apology: new time"
            + "{#else if type == 'SATISFACTION_CONFIRMED'}The user confirms everything works"
            + "{#else if type == 'SATISFACTION_FAILED_AGAIN'}The user says it failed again"
            + "{#else}{type}{/if}{#if actor} · {actor}{/if}")
    String activity(String type, String actor);

    @Override
    @Message("Email sent {#if role == 'USER'}to the user{#else if role == 'LEAD'}to the team lead"
            + "{#else if role == 'MANAGER'}to the manager{#else}to the agent{/if}{#if recipient} ({recipient}){/if}")
    String emailSent(String role, String recipient);

    @Override
    @Message("New time: {due}")
    String newDue(String due);

    @Override
    @Message("Reason: {reason}")
    String reason(String reason);

    @Override
    @Message("Promise {id}")
    String promiseRef(String id);

    @Override
    @Message("Confirm")
    String confirm();

    @Override
    @Message("Kept")
    String keep();

    @Override
    @Message("Reschedule")
    String reschedule();

    @Override
    @Message("Cancel the promise")
    String cancel();

    @Override
    @Message("I'm on it")
    String take();

    @Override
    @Message("New date and time")
    String newTime();

    @Override
    @Message("Date and time")
    String dueTime();

    @Override
    @Message("Reason (your team will see it)")
    String reasonLabel();

    @Override
    @Message("Reason (required)")
    String reasonRequiredLabel();

    @Override
    @Message("Save the new time")
    String saveReschedule();

    @Override
    @Message("Cancel the promise")
    String confirmCancel();

    @Override
    @Message("Confirm with this time")
    String saveConfirm();

    @Override
    @Message("{#if notice == 'confirm'}Promise confirmed: Promesa will tell you when it is getting close."
            + "{#else if notice == 'reschedule'}Promise rescheduled. The alerts now follow the new time."
            + "{#else if notice == 'cancel'}Promise cancelled; the history keeps it with its reason."
            + "{#else if notice == 'keep'}Promise marked as kept. Thank you."
            + "{#else if notice == 'take'}Noted: you are on it. The alert to the team lead waits a little longer."
            + "{#else if notice == 'take-again'}You were already down as taking care of this promise."
            + "{#else}Done.{/if}")
    String notice(String notice);

    @Override
    @Message("{#if error == 'due-missing'}Please give the date and time."
            + "{#else if error == 'due-past'}That time has already passed: please pick one in the future."
            + "{#else if error == 'reason-missing'}Please give a reason: it goes into the ticket's history."
            + "{#else if error == 'closed'}This promise is no longer open; the page shows where it stands now."
            + "{#else if error == 'csrf'}The form had expired. Please try again."
            + "{#else}That did not work: {error}{/if}")
    String error(String error);

    @Override
    @Message("Page not found")
    String notFoundTitle();

    @Override
    @Message("This page does not exist, or you do not have access to it.")
    String notFound();

    @Override
    @Message("Back to my promises")
    String backToMine();

    @Override
    @Message("Promesa's emails about this ticket")
    String emailsTitle();

    @Override
    @Message("Promesa has not written to anyone about this ticket.")
    String emailsNone();

    @Override
    @Message("The list of emails is not available right now (notifier is not answering or not connected); the history "
            + "shows the ones sent.")
    String emailsUnknown();

    @Override
    @Message("Alert")
    String emailKind();

    @Override
    @Message("To")
    String emailTo();

    @Override
    @Message("When")
    String emailWhen();

    @Override
    @Message("{#if held}Waiting for working hours{#else if state == 'SENT'}Sent{#else if state == 'PENDING'}To be sent"
            + "{#else if state == 'MERGED'}Carried in another email (a digest){#else if state == 'WITHDRAWN'}Withdrawn: no longer needed"
            + "{#else if state == 'FAILED'}Could not be delivered{#else}{state}{/if}")
    String emailState(String state, boolean held);
}
