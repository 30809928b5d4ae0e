package dev.promesa.notifier.delivery;

import java.time.Instant;

import dev.promesa.contracts.Alert;
import dev.promesa.notifier.recipient.Addressee;
import dev.promesa.notifier.template.RenderedMail;

/**
 * A row the consumer wants in the notification log: an email to send ({@code mail} set), or the visible record that
 * nobody can receive it ({@code addressee} is {@link Addressee.Unresolved}, {@code mail} null).
 *
 * @param notBefore a staff email held for the recipient's working hours: not sent before this instant (the row's
 *        {@code next_attempt_at} and {@code held_until}); null to send at once
 */
public record NewNotification(Alert alert, String alertJson, Addressee addressee, String language, RenderedMail mail,
        Instant notBefore) {

    /** A row to send at once (or to record as unresolved). */
    public NewNotification(Alert alert, String alertJson, Addressee addressee, String language, RenderedMail mail) {
        this(alert, alertJson, addressee, language, mail, null);
    }

    /** Whether this email waits for working hours. */
    public boolean held() {
        return pending() && notBefore != null;
    }

    /** The log's unique key, (alert id, recipient), as one string. */
    public String key() {
        return key(alert.alertId(), addressee.key());
    }

    public boolean pending() {
        return mail != null;
    }

    static String key(String alertId, String recipient) {
        return alertId + "\n" + recipient;
    }
}
