package dev.promesa.messaging;

import java.util.List;

/**
 * Puts dead letters on one {@code .dlq} topic and returns once Kafka acknowledged all of them: a consumer commits its
 * poll's offsets only after that, so a dead letter is never lost.
 */
public class DeadLetterPublisher implements DeadLetterSink {
    private final AckedProducer producer;
    private final String topic;

    public DeadLetterPublisher(AckedProducer producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public String topic() {
        return topic;
    }

    /**
     * Sends the dead letters in the given order and waits for every acknowledgement.
     *
     * @throws NotAcknowledgedException if Kafka did not acknowledge all of them in time
     */
    @Override
    public void publish(List<DeadLetter> deadLetters) {
        producer.sendAll(deadLetters.stream().map(letter -> letter.toRecord(topic)).toList());
    }
}
