package dev.promesa.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a consumer does with its records, for {@link PollProcessor}: read one, apply a poll's worth in one
 * transaction, apply one alone. The processor decides when to call which, retries, and dead-letters.
 *
 * @param <E> a record read: the event or alert it carries (and whatever of the record the handler still needs)
 */
public interface PollHandler<E> {

    /**
     * The record's content. Any exception means the record can never be processed as it is (unreadable JSON, a
     * missing field): it is dead-lettered at once, alone, with the exception as the reason.
     */
    E read(ConsumerRecord<String, String> record);

    /** Applies the poll's readable records in one transaction: all or nothing. Must be idempotent per record. */
    void applyAll(List<E> items);

    /** Applies one record in its own transaction. Must be idempotent. */
    void apply(E item);

    /**
     * True when a failure of {@link #apply} is the record's own and for good (the rules reject it): the record is
     * dead-lettered at once instead of retried.
     */
    boolean isPermanent(RuntimeException failure);

    /** One record for a log line, e.g. {@code event e-1 (ticket acme/T-1)}. */
    String describe(E item);
}
