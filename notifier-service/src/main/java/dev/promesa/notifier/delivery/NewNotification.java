package dev.promesa.notifier.delivery;

import dev.promesa.contracts.Alert;
import dev.promesa.notifier.recipient.Addressee;
import dev.promesa.notifier.template.RenderedMail;

/**
 * A row the consumer wants in the notification log: an email to send ({@code mail} set), or the visible record that
 * nobody can receive it ({@code addressee} is {@link Addressee.Unresolved}, {@code mail} null).
 */
public record NewNotification(Alert alert, String alertJson, Addressee addressee, String language, RenderedMail mail) {

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
