package dev.promesa.followup.ingest;

import dev.promesa.config.IngestConfig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.DatabaseFailures;
import dev.promesa.followup.ingest.DeadLetterPublisher.DeadLetter;
import dev.promesa.followup.logging.EmailMask;

/**
 * Reads {@code helpdesk.events.v1} (channel {@value #CHANNEL}, group {@code followup}) a poll at a time (batch mode,
 * at most {@code max.poll.records}). At-least-once: the poll's offsets are committed after this method returns.
 * <ul>
 * <li>The poll's readable events are applied in <b>one transaction</b>, in the order of the poll (each partition in
 * offset order, so each ticket's events in the order intake accepted them).</li>
 * <li>A record that cannot be read ({@link InvalidEventException}) goes to the dead-letter topic, the others are
 * applied.</li>
 * <li>While the database is unreachable the poll is retried until it is back.</li>
 * <li>Any other failure of the poll's transaction (an event the rules reject, a bug, a constraint) rolls it back, and
 * the poll is applied again <b>one event per transaction</b>: only the event that fails is retried
 * {@code promesa.ingest.attempts} times and then dead-lettered, the others are applied once.</li>
 * </ul>
 * Dead letters are published (and acknowledged) before the method returns, so before the offsets are committed.
 */
@ApplicationScoped
public class HelpdeskEventConsumer {

    public static final String CHANNEL = "helpdesk-events";

    private static final Logger LOG = Logger.getLogger(HelpdeskEventConsumer.class);

    private final EventParser parser;
    private final EventIngestor ingestor;
    private final DeadLetterPublisher deadLetterPublisher;
    private final IngestConfig config;

    HelpdeskEventConsumer(EventParser parser, EventIngestor ingestor, DeadLetterPublisher deadLetterPublisher,
            IngestConfig config) {
        this.parser = parser;
        this.ingestor = ingestor;
        this.deadLetterPublisher = deadLetterPublisher;
        this.config = config;
    }

    /** A readable record and its event. */
    private record Parsed(ConsumerRecord<String, String> record, HelpdeskEvent event) {
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        // iteration order: partition by partition, each in offset order
        List<Parsed> readable = new ArrayList<>(records.count());
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable.add(new Parsed(record, parse(record)));
            } catch (InvalidEventException e) {
                LOG.warnf("Record %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(),
                        record.offset(), EmailMask.mask(e.getMessage()));
                deadLetters.add(new DeadLetter(record, e));
            }
        }
        if (!readable.isEmpty() && !applyInOneTransaction(readable)) {
            for (Parsed parsed : readable) {
                applyAloneWithRetries(parsed, deadLetters);
            }
        }
        if (!deadLetters.isEmpty()) {
            // in record order, whichever step found them
            deadLetters.sort(Comparator.<DeadLetter>comparingInt(d -> d.record().partition())
                    .thenComparingLong(d -> d.record().offset()));
            publishWithRetries(deadLetters);
        }
    }

    private HelpdeskEvent parse(ConsumerRecord<String, String> record) {
        return parser.parse(header(record, CloudEvents.HEADER_TYPE), header(record, CloudEvents.HEADER_ID),
                header(record, CloudEvents.HEADER_SOURCE), record.key(), record.value());
    }

    /**
     * The fast path: the whole poll in one transaction. Waits out an unreachable database however long it takes.
     *
     * @return false if the transaction failed for another reason (rolled back: nothing of it was applied)
     */
    private boolean applyInOneTransaction(List<Parsed> readable) throws InterruptedException {
        List<HelpdeskEvent> events = new ArrayList<>(readable.size());
        for (Parsed parsed : readable) {
            events.add(parsed.event());
        }
        Duration backoff = config.retryBackoff();
        for (int attempt = 1;; attempt++) {
            try {
                int applied = ingestor.applyAll(events);
                LOG.debugf("Applied %d of %d event(s) in one transaction (%d redelivered)", applied, events.size(),
                        events.size() - applied);
                return true;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isOutage(e)) {
                    LOG.warnf("A poll of %d event(s) failed as one transaction; applying them one per transaction "
                            + "to find the one that fails: %s", events.size(), EmailMask.describe(e));
                    return false;
                }
                LOG.warnf("A poll of %d event(s) failed (attempt %d, database unreachable): retrying in %s until it "
                        + "is back: %s", events.size(), attempt, backoff, EmailMask.describe(e));
                Thread.sleep(backoff.toMillis());
                backoff = min(backoff.multipliedBy(2), config.maxRetryBackoff());
            }
        }
    }

    /**
     * The fallback: one event in its own transaction. While the database is unreachable, retries without limit
     * (nothing could be processed anyway, and the record must not be lost); an {@link InvalidEventException}
     * dead-letters the record at once; any other failure is retried {@code promesa.ingest.attempts} times, then
     * dead-lettered.
     */
    private void applyAloneWithRetries(Parsed parsed, List<DeadLetter> deadLetters) throws InterruptedException {
        HelpdeskEvent event = parsed.event();
        ConsumerRecord<String, String> record = parsed.record();
        Duration backoff = config.retryBackoff();
        for (int attempt = 1;; attempt++) {
            try {
                ingestor.apply(event);
                return;
            } catch (InvalidEventException e) {
                LOG.warnf("Event %s (%s-%d@%d) goes to the dead-letter topic: %s", event.eventId(), record.topic(),
                        record.partition(), record.offset(), EmailMask.mask(e.getMessage()));
                deadLetters.add(new DeadLetter(record, e));
                return;
            } catch (RuntimeException e) {
                boolean infrastructure = DatabaseFailures.isOutage(e);
                if (!infrastructure && attempt >= config.attempts()) {
                    LOG.errorf("Event %s (%s-%d@%d) failed %d times; sending it to the dead-letter topic. "
                            + "Replay it from there once the cause is fixed. Cause: %s", event.eventId(),
                            record.topic(), record.partition(), record.offset(), attempt, EmailMask.describe(e));
                    // the stack trace can quote the event's data (addresses); it is for whoever debugs the cause
                    LOG.debug("Stack trace of the dead-lettered event's failure", e);
                    deadLetters.add(new DeadLetter(record, e));
                    return;
                }
                LOG.warnf("Event %s failed (attempt %d%s), retrying in %s: %s", event.eventId(), attempt,
                        infrastructure
                                ? ", database unreachable: retrying until it is back"
                                : " of " + config.attempts(),
                        backoff, EmailMask.describe(e));
                Thread.sleep(backoff.toMillis());
                backoff = min(backoff.multipliedBy(2), config.maxRetryBackoff());
            }
        }
    }

    /** Until Kafka acknowledged them: the poll's offsets must not be committed before its dead letters are safe. */
    private void publishWithRetries(List<DeadLetter> deadLetters) throws InterruptedException {
        Duration backoff = config.retryBackoff();
        for (int attempt = 1;; attempt++) {
            try {
                deadLetterPublisher.publish(deadLetters);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%d dead letter(s) not acknowledged (attempt %d), retrying in %s; consumption waits for "
                        + "them. Check Kafka: %s", deadLetters.size(), attempt, backoff, EmailMask.describe(e));
                Thread.sleep(backoff.toMillis());
                backoff = min(backoff.multipliedBy(2), config.maxRetryBackoff());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
