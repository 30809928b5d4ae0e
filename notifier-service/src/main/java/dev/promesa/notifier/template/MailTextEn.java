package dev.promesa.notifier.template;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/**
 * The emails' sentences in English: British usage, and American spelling for en-US readers ({@code m.usEnglish});
 * dates follow the reader's dialect already (calendar's {@code HumanTime}). Same keys as {@link MailText}.
 */
@Localized("en")
public interface MailTextEn extends MailText {

    @Override
    @Message("en")
    String lang();

    @Override
    @Message("{#if m.dueSoon}Your promise is due in {m.left ?: 'a few minutes'}"
            + "{#else if m.overdue}Promise overdue{#if m.late} by {m.late}{/if}"
            + "{#else if m.slaWarning}Service level at risk"
            + "{#else if m.slaBreached}Service level missed"
            + "{#else if m.recurrenceReported}The problem has come back{#else}Notice{/if}"
            + "{#if m.ticketSubject} · {m.ticketSubject}{/if}")
    String agentSubject(MailModel m);

    @Override
    @Message("{#if m.escalated}{#if m.level >= 2}Second notice: promise not kept"
            + "{#else}Promise not kept in your team{/if}"
            + "{#else if m.slaBreached}Service level missed"
            + "{#else if m.slaWarning}Unassigned ticket: service level at risk"
            + "{#else if m.dueSoon}Unassigned ticket: promise due soon"
            + "{#else if m.overdue}Unassigned ticket: promise overdue"
            + "{#else if m.recurrenceReported}Unassigned ticket: the problem has come back"
            + "{#else}Notice for your team{/if}{#if m.ticketSubject} · {m.ticketSubject}{/if}")
    String leadSubject(MailModel m);

    @Override
    @Message("Your request{#if m.ticketSubject} \"{m.ticketSubject}\"{/if}: "
            + "{#if m.apology}we still owe you an update{#else}we owe you an update{/if}")
    String userOverdueSubject(MailModel m);

    @Override
    @Message("Is your request{#if m.ticketSubject} \"{m.ticketSubject}\"{/if} still solved?")
    String satisfactionSubject(MailModel m);

    @Override
    @Message("Promise to {#if m.toTeam}the team{#else}{m.requesterName ?: 'the requester'}{/if}: "
            + "{#if m.promise}\"{m.promise}\"{#else if m.apology}news from us, as promised in our apology"
            + "{#if m.madeAt} on {m.madeAt}{/if}{#else if m.callback}a call{#else if m.action}an action"
            + "{#else}an update{/if}, by")
    String promiseToStaff(MailModel m);

    @Override
    @Message("Due in {m.left ?: 'a few minutes'}: keep the promise or tell them the new time before it is due.")
    String dueSoonToAgent(MailModel m);

    @Override
    @Message("{#if m.late}It is {m.late} late{#else}It is due now{/if}: "
            + "{#if m.apology}write to {m.requesterName ?: 'the requester'} now; your team lead has been told as well."
            + "{#else}keep the promise now or tell them the new time.{/if}")
    String overdueToAgent(MailModel m);

    @Override
    @Message("{m.requesterName ?: 'The requester'}'s ticket has used {m.slaPercent}% of its "
            + "{m.slaMetric ?: 'service'} target{#if m.slaTarget} ({m.slaTarget}){/if}, due")
    String slaWarningToAgent(MailModel m);

    @Override
    @Message("Due in {m.left ?: 'a few minutes'}: handle it before it is due.")
    String slaWarningNext(MailModel m);

    @Override
    @Message("{m.requesterName ?: 'The requester'}'s ticket missed its {m.slaMetric ?: 'service'} target"
            + "{#if m.slaTarget} ({m.slaTarget}){/if}, due")
    String slaBreachToAgent(MailModel m);

    @Override
    @Message("{#if m.late}It is {m.late} late{#else}It is due now{/if}: handle it now; your team lead has been told "
            + "as well.")
    String slaBreachNext(MailModel m);

    @Override
    @Message("We already wrote to {m.requesterName ?: 'the requester'} on {m.nextStepToldAt} to "
            + "{#if m.usEnglish}apologize{#else}apologise{/if}, and promised news by {m.nextStep}.")
    String userWasTold(MailModel m);

    @Override
    @Message("Raised on {m.raisedAt}, outside your working hours: sent at the start of your working day.")
    String raised(MailModel m);

    @Override
    @Message("{#if m.escalated}{#if m.level >= 2}Second notice: a promise to {m.requesterName ?: 'a requester'} is "
            + "still not kept, and the team lead was already told.{#else}A promise your team made to "
            + "{m.requesterName ?: 'a requester'} is still not kept.{/if}{#else if m.slaBreached}A ticket in your team "
            + "missed its service level.{#else if m.recurrenceReported}Nobody is assigned to this ticket, so this "
            + "notice comes to you: {m.requesterName ?: 'the requester'} answered the check after resolution that the "
            + "problem has come back (it counts as a recurrence). Please assign it to someone in the team."
            + "{#else}Nobody is assigned to this ticket, so this notice comes to you: please "
            + "assign it to someone in the team.{/if}")
    String leadHeadline(MailModel m);

    @Override
    @Message("{m.requesterName ?: 'The requester'} answered the check after resolution: the problem has come back. "
            + "It counts as a recurrence.")
    String recurrenceToAgent(MailModel m);

    @Override
    @Message("Pick the request up again: reopen the ticket if needed and reply as soon as possible.")
    String recurrenceNext(MailModel m);

    @Override
    @Message("I’m on it")
    String takeIt();

    @Override
    @Message("Handling it? Use “I’m on it”:")
    String takeItAsk();

    @Override
    @Message("{#if m.escalated && m.level >= 2}it is noted on the ticket.{#else}it is noted on the ticket, and the "
            + "next escalation waits.{/if}")
    String takeItEffect(MailModel m);

    @Override
    @Message("Target for {m.slaMetric}{#if m.slaTarget} ({m.slaTarget}){/if} on "
            + "{m.requesterName ?: 'the requester'}'s ticket: due")
    String slaToLead(MailModel m);

    @Override
    @Message("{#if m.agentName}{m.agentName} promised{#else}The team promised{/if} "
            + "{#if m.toTeam}the team{#else}{m.requesterName ?: 'the requester'}{/if}: "
            + "{#if m.promise}\"{m.promise}\"{#else if m.apology}news from us, as promised in our apology"
            + "{#if m.madeAt} on {m.madeAt}{/if}{#else if m.callback}a call{#else if m.action}an action"
            + "{#else}an update{/if}, by")
    String promiseToLead(MailModel m);

    @Override
    @Message("{#if m.late}; {m.late} late{/if}{#if m.left}; due in {m.left}{/if}.")
    String howLateToLead(MailModel m);

    @Override
    @Message("Assigned to: {m.agentName ?: 'nobody'}{#if m.teamName} · Team: {m.teamName}{/if}")
    String assignedTo(MailModel m);

    @Override
    @Message("Ticket {m.ticketId}{#if m.ticketSubject} \"{m.ticketSubject}\"{/if}")
    String ticketLine(MailModel m);

    @Override
    @Message("open the ticket")
    String openTicket();

    @Override
    @Message("{#if m.recipientName}Hello {m.recipientName},{#else}Hello,{/if}")
    String greeting(MailModel m);

    @Override
    @Message("We are writing {#if m.apology}to you again {/if}about your request "
            + "{#if m.ticketSubject}\"{m.ticketSubject}\" {/if}(reference {m.ticketId}).")
    String aboutYourRequest(MailModel m);

    @Override
    @Message("{#if m.apology}{#if m.madeAt}On {m.madeAt} we{#else}We{/if} wrote to "
            + "{#if m.usEnglish}apologize{#else}apologise{/if} for a delay and told you that you would hear from us by"
            + "{#else}{#if m.madeAt}On {m.madeAt} we{#else}We{/if} promised "
            + "{#if m.promise}you the following: \"{m.promise}\", by{#else}{#if m.callback}to call you"
            + "{#else if m.action}to take care of the pending step{#else}you an update{/if} by{/if}{/if}")
    String wePromised(MailModel m);

    @Override
    @Message("{#if m.apology}We have not kept that promise either, and we are truly sorry."
            + "{#else}{#if m.lateInWords}That time passed {m.lateInWords} ago{#else}That time has passed{/if} and we "
            + "have not kept our promise yet. {#if m.usEnglish}We apologize{#else}We apologise{/if} for the delay.{/if}")
    String weAreLate(MailModel m);

    @Override
    @Message("What happens next:")
    String whatHappensNext();

    @Override
    @Message("{#if m.apology}{#if m.leadName}{m.leadName}{#if m.userTeamName}, who leads the {m.userTeamName} "
            + "team,{/if}{#else}the {m.userTeamName ?: 'support'} team lead{/if} is now personally handling your request"
            + "{#if m.nextStep} and will write to you by {m.nextStep}{/if}."
            + "{#else}{#if m.agentName}{m.agentName}{#if m.userTeamName} from the {m.userTeamName} team{/if} is still "
            + "in charge of your request{#else}the {m.userTeamName ?: 'support'} team is handling your request{/if}"
            + "{#if m.waitingOnUser} and knows about the delay. To move forward, we need your answer to our last "
            + "message; as soon as we have it, we will write to you with news"
            + "{#if m.nextStep}, and in any case by {m.nextStep}{/if}."
            + "{#else}, knows about the delay and will write to you with news "
            + "{#if m.nextStep}by {m.nextStep}{#else}as soon as possible{/if}.{/if}{/if}")
    String nextStep(MailModel m);

    @Override
    @Message("{#if m.waitingOnUser}To answer, reply to this message"
            + "{#else}There is nothing more you need to do. If you would like to add anything, reply to this message"
            + "{/if}")
    String replyToThis(MailModel m);

    @Override
    @Message("or")
    String or();

    @Override
    @Message("see your request")
    String seeYourRequest();

    @Override
    @Message("see your request at")
    String seeYourRequestAt();

    @Override
    @Message("Kind regards,")
    String regards();

    @Override
    @Message("{#if m.apology}{#if m.leadName}{m.leadName}, {/if}{m.userTeamName ?: 'support'} team lead"
            + "{#else}{#if m.agentName}{m.agentName}, {/if}{m.userTeamName ?: 'support'} team{/if}")
    String signature(MailModel m);

    @Override
    @Message("We recently marked your request {#if m.ticketSubject}\"{m.ticketSubject}\" {/if}(reference "
            + "{m.ticketId}) as solved. We would like to make sure the solution still works. "
            + "{#if m.usEnglish}We apologize{#else}We apologise{/if} for the trouble the problem caused you.")
    String solvedRecently(MailModel m);

    @Override
    @Message("If everything works, there is nothing you need to do.")
    String nothingToDoIfItWorks();

    @Override
    @Message("If the problem is back, reply to this message")
    String ifItIsBack();

    @Override
    @Message("reopen your request")
    String reopenYourRequest();

    @Override
    @Message("reopen your request at")
    String reopenYourRequestAt();

    @Override
    @Message("{#if m.agentName}{m.agentName}{#if m.userTeamName} from the {m.userTeamName} team{/if}"
            + "{#else}the {m.userTeamName ?: 'support'} team{/if} will pick it up and answer you as soon as possible.")
    String whoPicksItUp(MailModel m);

    // ---- several alerts in one email (carrier.Carriers) ----

    @Override
    @Message("Your request{#if m.ticketSubject} \"{m.ticketSubject}\"{/if}: we owe you {count} updates")
    String gatheredSubject(MailModel m, int count);

    @Override
    @Message("We made you these promises and have not kept them yet:")
    String wePromisedThese();

    @Override
    @Message("{#if i.promise}\"{i.promise}\"{#else if i.apology}To hear from us, as we told you when we "
            + "{#if i.usEnglish}apologized{#else}apologised{/if}{#else if i.callback}To call you{#else if i.action}"
            + "To take care of the pending step{#else}To send you an update{/if}, by")
    String promiseItem(MailModel i);

    @Override
    @Message("{#if i.lateInWords}That time passed {i.lateInWords} ago.{/if}")
    String itemLate(MailModel i);

    @Override
    @Message("{#if m.usEnglish}We apologize{#else}We apologise{/if} for these delays.")
    String sorryForTheDelays(MailModel m);

    @Override
    @Message("{#if d.count == 1}Digest: 1 alert{#else}Digest: {d.count} alerts{/if}{#if d.deskName} · {d.deskName}{/if}")
    String digestSubject(CarrierMails.DigestModel d);

    @Override
    @Message("{#if d.recipientName}Hello {d.recipientName},{#else}Hello,{/if}")
    String digestGreeting(CarrierMails.DigestModel d);

    @Override
    @Message("You have had a lot of alerts in the last few minutes. Rather than sending you an email for each, this "
            + "digest lists {#if d.count == 1}the one that followed{#else}the {d.count} that followed{/if}; none has "
            + "been left out.")
    String digestIntro(CarrierMails.DigestModel d);

    @Override
    @Message("From now on, new alerts reach you one by one again.")
    String digestFromNow();

    @Override
    @Message("Is it still working? One click tells us:")
    String oneClick();

    @Override
    @Message("Yes, it works")
    String itWorks();

    @Override
    @Message("No, it failed again")
    String itFailedAgain();

    @Override
    @Message("If the problem is back, you can also reply to this message")
    String alsoReplyIfItIsBack();

    @Override
    @Message("reopen your request")
    String alsoReopenYourRequest();

    @Override
    @Message("reopen your request at")
    String alsoReopenYourRequestAt();
}
