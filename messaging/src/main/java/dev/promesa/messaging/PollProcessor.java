package dev.promesa.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import dev.promesa.contracts.DatabaseFailures;

/**
 * The consuming algorithm of both Kafka → PostgreSQL consumers (followup's events, notifier's alerts), for one poll of
 * a batch channel. At-least-once: the caller returns after {@link #process}, and only then are the poll's offsets
 * committed.
 * <ol>
 * <li>Every record is {@linkplain PollHandler#read read}; one that cannot be is dead-lettered alone.</li>
 * <li>The readable ones are applied in <b>one transaction</b>, in the poll's order (each partition in offset order,
 * so each key's records in the order they were written). While the database is unreachable
 * ({@link DatabaseFailures#isOutage}) the poll is retried until it is back, however long that takes: an outage is
 * never a reason to dead-letter.</li>
 * <li>Any other failure rolls the poll back, and its records are applied again <b>one per transaction</b>: a record
 * that fails for good ({@link PollHandler#isPermanent}) is dead-lettered at once, one that keeps failing after
 * {@link RetryPolicy#attempts} tries too; an outage is waited out; every other record is applied once.</li>
 * <li>The dead letters, in record order, are published and <b>acknowledged before {@code process} returns</b> (so
 * before the offsets are committed), retried until Kafka takes them.</li>
 * </ol>
 * It only throws {@link InterruptedException} (the service is stopping): then the poll is not committed and is read
 * again. Plain Java: the transactions are the handler's, the waits the {@link Sleeper}'s, so it is tested without
 * Quarkus, Kafka or time.
 *
 * @param <E> what the handler reads from a record
 */
public final class PollProcessor<E> {

    /** What happened to a poll: how many records were applied (or found to be redeliveries), and dead-lettered. */
    public record Outcome(int applied, int deadLettered, boolean oneByOne) {
    }

    private record Item<E>(ConsumerRecord<String, String> record, E content) {
    }

    private record Rejected(ConsumerRecord<String, String> record, Throwable reason) {
    }

    private final PollHandler<E> handler;
    private final DeadLetterSink deadLetters;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Logger log;

    /** @param log the consumer's logger, so these lines carry the service's category */
    public PollProcessor(PollHandler<E> handler, DeadLetterSink deadLetters, RetryPolicy retry, Sleeper sleeper,
            Logger log) {
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.sleeper = sleeper;
        this.log = log;
    }

    /** One poll, in iteration order (a {@code ConsumerRecords}: partition by partition, each in offset order). */
    public Outcome process(Iterable<ConsumerRecord<String, String>> poll) throws InterruptedException {
        List<Item<E>> readable = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : poll) {
            try {
                readable.add(new Item<>(record, handler.read(record)));
            } catch (RuntimeException e) {
                log.warnf("Record %s cannot be read; it goes to %s: %s", DeadLetter.coordinates(record),
                        deadLetters.topic(), Failures.describe(e));
                rejected.add(new Rejected(record, e));
            }
        }
        int unreadable = rejected.size();
        boolean oneByOne = !readable.isEmpty() && !applyInOneTransaction(readable);
        if (oneByOne) {
            for (Item<E> item : readable) {
                applyAlone(item, rejected);
            }
        }
        if (!rejected.isEmpty()) {
            publish(rejected);
        }
        return new Outcome(readable.size() - (rejected.size() - unreadable), rejected.size(), oneByOne);
    }

    /** @return false if the transaction failed for a reason other than an outage (rolled back: nothing applied) */
    private boolean applyInOneTransaction(List<Item<E>> readable) throws InterruptedException {
        List<E> contents = readable.stream().map(Item::content).toList();
        for (int attempt = 1;; attempt++) {
            try {
                handler.applyAll(contents);
                return true;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isOutage(e)) {
                    log.warnf("A poll of %d record(s) failed as one transaction; applying them one per transaction "
                            + "to find the one that fails: %s", contents.size(), Failures.describe(e));
                    return false;
                }
                Duration wait = retry.backoff().after(attempt);
                log.warnf("A poll of %d record(s) could not be applied (attempt %d, database unreachable); retrying "
                        + "in %s until it is back: %s", contents.size(), attempt, wait, Failures.describe(e));
                sleeper.sleep(wait);
            }
        }
    }

    private void applyAlone(Item<E> item, List<Rejected> rejected) throws InterruptedException {
        String coordinates = DeadLetter.coordinates(item.record());
        for (int attempt = 1;; attempt++) {
            try {
                handler.apply(item.content());
                return;
            } catch (RuntimeException e) {
                if (handler.isPermanent(e)) {
                    log.warnf("%s (%s) is refused; it goes to %s: %s", handler.describe(item.content()), coordinates,
                            deadLetters.topic(), Failures.describe(e));
                    rejected.add(new Rejected(item.record(), e));
                    return;
                }
                boolean outage = DatabaseFailures.isOutage(e);
                if (!outage && attempt >= retry.attempts()) {
                    log.errorf("%s (%s) failed %d times; it goes to %s. Replay it from there once the cause is "
                            + "fixed. Cause: %s", handler.describe(item.content()), coordinates, attempt,
                            deadLetters.topic(), Failures.describe(e));
                    log.debug("Stack trace of the dead-lettered record's failure", e);
                    rejected.add(new Rejected(item.record(), e));
                    return;
                }
                Duration wait = retry.backoff().after(attempt);
                log.warnf("%s (%s) failed (attempt %d%s); retrying in %s: %s", handler.describe(item.content()),
                        coordinates, attempt,
                        outage ? ", database unreachable: retrying until it is back" : " of " + retry.attempts(), wait,
                        Failures.describe(e));
                sleeper.sleep(wait);
            }
        }
    }

    /** Until Kafka acknowledged them: the poll's offsets must not be committed before its dead letters are safe. */
    private void publish(List<Rejected> rejected) throws InterruptedException {
        // in record order, whichever step found them
        List<DeadLetter> letters = rejected.stream()
                .sorted(Comparator.<Rejected>comparingInt(r -> r.record().partition())
                        .thenComparingLong(r -> r.record().offset()))
                .map(r -> DeadLetter.of(r.record(), r.reason()))
                .toList();
        for (int attempt = 1;; attempt++) {
            try {
                deadLetters.publish(letters);
                log.infof("Dead-lettered %s on %s", letters.stream().map(DeadLetter::origin).toList(),
                        deadLetters.topic());
                return;
            } catch (RuntimeException e) {
                Duration wait = retry.backoff().after(attempt);
                log.warnf("%d dead letter(s) not acknowledged by %s (attempt %d); retrying in %s, consumption waits "
                        + "for them. Check Kafka: %s", letters.size(), deadLetters.topic(), attempt, wait,
                        Failures.describe(e));
                sleeper.sleep(wait);
            }
        }
    }
}
