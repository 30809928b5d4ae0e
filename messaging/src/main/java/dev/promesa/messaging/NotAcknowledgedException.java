package dev.promesa.messaging;

/**
 * Kafka did not acknowledge every record of a send within its timeout. Some of them may still have been written (a
 * late acknowledgement, a retry inside the producer): the caller must treat the send as "maybe", and Promesa's
 * consumers make a repeat harmless by deduplicating on the event or alert id.
 */
public class NotAcknowledgedException extends RuntimeException {
    public NotAcknowledgedException(String message, Throwable cause) {
        super(message, cause);
    }
}
