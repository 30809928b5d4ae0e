package dev.promesa.messaging;

import java.util.List;

/** Where a poll processor's dead letters go ({@link DeadLetterPublisher}; a list in a unit test). */
public interface DeadLetterSink {

    /** Returns once every dead letter is safe (acknowledged), or throws. */
    void publish(List<DeadLetter> deadLetters);

    /** Named in log lines. */
    String topic();
}
