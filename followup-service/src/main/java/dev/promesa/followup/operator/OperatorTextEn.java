package dev.promesa.followup.operator;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** The operations page's sentences in English; same keys as {@link OperatorText}. */
@Localized("en")
public interface OperatorTextEn extends OperatorText {

    @Override
    @Message("Operations")
    String title();

    @Override
    @Message("What needs your attention at {desk}: emails that could not be sent, emails waiting for working "
            + "hours, and records set aside on the dead-letter topics.")
    String lede(String desk);

    @Override
    @Message("Email queued again: notifier will send it within seconds, with a fresh retry budget.")
    String noticeResent();

    @Override
    @Message("Not resent: that email is no longer failed (it was sent, or is being retried), and Promesa "
            + "never sends a second copy.")
    String noticeNotFailed();

    @Override
    @Message("Nothing to resend: nobody could receive that alert. Configure the recipient, then replay the "
            + "alert's dead letter.")
    String noticeNothingToSend();

    @Override
    @Message("That email is not one of {desk}'s; the page may have been out of date. This is the current list.")
    String noticeNotFound(String desk);

    @Override
    @Message("Not resent: the key followup uses with notifier can read, not resend. Set "
            + "promesa.board.notifier-api-key to an operator key (source * in notifier's promesa.api-keys).")
    String noticeKeyNotOperator();

    @Override
    @Message("Nothing was resent: notifier is unreachable at {url}. Check that it is running, then try again.")
    String noticeUnreachable(String url);

    @Override
    @Message("Could not resend: notifier answered with an error. Try again in a moment; if it keeps failing, "
            + "check notifier's log.")
    String noticeError();

    @Override
    @Message("The operations view is not connected to notifier: its API key is missing, so failed and held "
            + "emails cannot be shown.")
    String notConnected();

    @Override
    @Message("To connect it, create an operator key in notifier (source * in promesa.api-keys; ./promesa "
            + "hash-key KEY prints its hash) and give followup the same key as promesa.board.notifier-api-key "
            + "(environment variable PROMESA_BOARD_NOTIFIER_API_KEY). followup looks for notifier at {url}; "
            + "if it runs elsewhere, set promesa.board.notifier-url.")
    String notConnectedHow(String url);

    @Override
    @Message("Notifier is unreachable at {url}. Check that it is running, then reload the page.")
    String unreachable(String url);

    @Override
    @Message("Notifier refuses followup's key (HTTP {status}). Check that promesa.board.notifier-api-key is "
            + "one of notifier's keys (promesa.api-keys) for source *.")
    String keyRefused(int status);

    @Override
    @Message("Notifier answered with an error (HTTP {status}). Reload the page in a moment; if it keeps "
            + "failing, check notifier's log.")
    String notifierError(int status);

    @Override
    @Message("What answers at {url} is not notifier. Check promesa.board.notifier-url.")
    String unreadable(String url);

    @Override
    @Message("Failed emails")
    String failedHeading();

    @Override
    @Message("Emails notifier stopped trying to send once their retries ran out. Resend one once the cause "
            + "is fixed (the mail server, the address).")
    String failedLede();

    @Override
    @Message("No failed emails.")
    String failedNone();

    @Override
    @Message("Showing the newest {shown} of {total}.")
    String shown(int shown, long total);

    @Override
    @Message("Recipient")
    String colRecipient();

    @Override
    @Message("Kind")
    String colKind();

    @Override
    @Message("Ticket")
    String colTicket();

    @Override
    @Message("Last error")
    String colError();

    @Override
    @Message("Attempts")
    String colAttempts();

    @Override
    @Message("Failing since")
    String colFailingSince();

    @Override
    @Message("Action")
    String colAction();

    @Override
    @Message("resent {resends} {#if resends == 1}time{#else}times{/if}")
    String resends(int resends);

    @Override
    @Message("Resend")
    String resend();

    @Override
    @Message("Resend the email to {recipient} about ticket {ticket}")
    String resendLabel(String recipient, String ticket);

    @Override
    @Message("Emails held for working hours")
    String heldHeading();

    @Override
    @Message("Staff alerts notifier will send when their recipient's working day starts.")
    String heldLede();

    @Override
    @Message("No emails are waiting for working hours.")
    String heldNone();

    @Override
    @Message("Goes out")
    String colGoesAt();

    @Override
    @Message("Dead letters in Kafka")
    String deadHeading();

    @Override
    @Message("Records of {desk} that a service could not process and set aside on a dead-letter topic. They "
            + "stay there until the topic's retention removes them, even once dealt with.")
    String deadLede(String desk);

    @Override
    @Message("Help-desk events followup could not apply")
    String deadIngest();

    @Override
    @Message("Alerts notifier could not read, or emails it could not send")
    String deadAlerts();

    @Override
    @Message("latest {time}")
    String deadLatest(String time);

    @Override
    @Message("Counted at {time}. They are counted again when the page loads, at most every 30 seconds.")
    String deadCountedAt(String time);

    @Override
    @Message("{left} records are still to be read: reload the page in a few seconds for the full count.")
    String deadPartial(long left);

    @Override
    @Message("Could not read Kafka ({reason}). Check followup's connection to Kafka (kafka.bootstrap.servers "
            + "and the other kafka.* settings), then reload the page.")
    String deadFailed(String reason);

    @Override
    @Message("The figures below are from {time}.")
    String deadOlder(String time);

    @Override
    @Message("Page not found")
    String notFoundTitle();

    @Override
    @Message("This page does not exist. Check the address, or go back to your promises.")
    String notFoundText();

    @Override
    @Message("Go to My promises")
    String toMine();

    @Override
    @Message("This form has expired")
    String expiredTitle();

    @Override
    @Message("For your safety nothing was done: the form came from an old page or another session. Go back "
            + "to the Operations page and try again.")
    String expiredText();

    @Override
    @Message("Back to Operations")
    String toOperator();
}
