package dev.promesa.followup.ingest;

/**
 * A record that can never be processed as it is (unreadable JSON, unknown type, a required field missing). The
 * consumer sends it to the dead-letter topic with this message as the reason, and goes on.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
