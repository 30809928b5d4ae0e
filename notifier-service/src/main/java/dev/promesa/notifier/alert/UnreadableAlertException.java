package dev.promesa.notifier.alert;

/**
 * The record on the alerts topic is not an alert we can act on. It is dead-lettered with this message as
 * {@code dead-letter-reason}; redelivering it would not help.
 */
public class UnreadableAlertException extends RuntimeException {
    public UnreadableAlertException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableAlertException(String message) {
        super(message);
    }
}
