package dev.promesa.followup.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.promesa.config.IngestConfig;
import dev.promesa.contracts.CloudEvents;
import dev.promesa.messaging.Backoff;
import dev.promesa.messaging.DeadLetterPublisher;
import dev.promesa.messaging.KafkaClients;
import dev.promesa.messaging.PollHandler;
import dev.promesa.messaging.PollProcessor;
import dev.promesa.messaging.RetryPolicy;
import dev.promesa.messaging.Sleeper;

/**
 * Reads {@code helpdesk.events.v1} (channel {@value #CHANNEL}, group {@code followup}) a poll at a time (batch mode,
 * at most {@code max.poll.records}) through messaging's {@link PollProcessor}. At-least-once: the poll's offsets are
 * committed after this method returns.
 * <ul>
 * <li>The poll's readable events are applied in <b>one transaction</b> ({@link EventIngestor#applyAll}), in the order
 * of the poll (each partition in offset order, so each ticket's events in the order intake accepted them).</li>
 * <li>A record that cannot be read ({@link EventParser} refuses it) goes to the dead-letter topic, the others are
 * applied.</li>
 * <li>While the database is unreachable the poll is retried until it is back.</li>
 * <li>Any other failure of the poll's transaction (an event the rules reject, a bug, a constraint) rolls it back, and
 * the poll is applied again <b>one event per transaction</b> ({@link EventIngestor#apply}): an
 * {@link InvalidEventException} is dead-lettered at once, another failure retried {@code promesa.ingest.attempts}
 * times and then dead-lettered; the others are applied once.</li>
 * </ul>
 * Dead letters ({@code promesa.ingest.dead-letter-topic}) are published and acknowledged before the method returns, so
 * before the offsets are committed.
 */
@ApplicationScoped
public class HelpdeskEventConsumer {

    public static final String CHANNEL = "helpdesk-events";

    private static final Logger LOG = Logger.getLogger(HelpdeskEventConsumer.class);
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(10);

    private final PollProcessor<HelpdeskEvent> processor;

    HelpdeskEventConsumer(EventParser parser, EventIngestor ingestor, KafkaClients kafka, IngestConfig config) {
        DeadLetterPublisher deadLetters = new DeadLetterPublisher(
                kafka.producer("followup-dead-letters", DEAD_LETTER_TIMEOUT), config.deadLetterTopic());
        RetryPolicy retry = new RetryPolicy(config.attempts(),
                new Backoff(config.retryBackoff(), config.maxRetryBackoff()));
        this.processor = new PollProcessor<>(new Events(parser, ingestor), deadLetters, retry, Sleeper.THREAD, LOG);
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        processor.process(records);
    }

    /** followup's part of the poll: records read by {@link EventParser}, applied by {@link EventIngestor}. */
    static final class Events implements PollHandler<HelpdeskEvent> {
        private final EventParser parser;
        private final EventIngestor ingestor;

        Events(EventParser parser, EventIngestor ingestor) {
            this.parser = parser;
            this.ingestor = ingestor;
        }

        @Override
        public HelpdeskEvent read(ConsumerRecord<String, String> record) {
            return parser.parse(header(record, CloudEvents.HEADER_TYPE), header(record, CloudEvents.HEADER_ID),
                    header(record, CloudEvents.HEADER_SOURCE), record.key(), record.value());
        }

        @Override
        public void applyAll(List<HelpdeskEvent> events) {
            int applied = ingestor.applyAll(events);
            LOG.debugf("Applied %d of %d event(s) in one transaction (%d redelivered)", applied, events.size(),
                    events.size() - applied);
        }

        @Override
        public void apply(HelpdeskEvent event) {
            ingestor.apply(event);
        }

        @Override
        public boolean isPermanent(RuntimeException failure) {
            return failure instanceof InvalidEventException;
        }

        @Override
        public String describe(HelpdeskEvent event) {
            return "Event " + event.eventId() + " of ticket " + event.ticket().recordKey();
        }

        private static String header(ConsumerRecord<String, String> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value() == null
                    ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
