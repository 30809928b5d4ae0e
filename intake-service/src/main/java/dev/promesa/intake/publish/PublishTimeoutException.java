package dev.promesa.intake.publish;

/** Kafka did not acknowledge every event of a request within the publish timeout. */
public class PublishTimeoutException extends Exception {
    public PublishTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
