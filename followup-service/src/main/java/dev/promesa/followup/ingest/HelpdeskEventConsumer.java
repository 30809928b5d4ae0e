package dev.promesa.followup.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.promesa.contracts.CloudEvents;

/**
 * Reads {@code helpdesk.events.v1} (channel {@value #CHANNEL}, group {@code followup}). At-least-once: the offset is
 * committed after this method returns. One record at a time ({@code ordered}), so a ticket's events apply in the
 * order intake accepted them. An {@link InvalidEventException} dead-letters the record (reason in headers) and
 * consumption goes on. While the database is unreachable the record is retried until it is back; other failures
 * are retried a few times, then dead-lettered.
 */
@ApplicationScoped
public class HelpdeskEventConsumer {

    public static final String CHANNEL = "helpdesk-events";

    private static final Logger LOG = Logger.getLogger(HelpdeskEventConsumer.class);

    private final EventParser parser;
    private final EventIngestor ingestor;
    private final IngestConfig config;

    HelpdeskEventConsumer(EventParser parser, EventIngestor ingestor, IngestConfig config) {
        this.parser = parser;
        this.ingestor = ingestor;
        this.config = config;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        HelpdeskEvent event;
        try {
            event = parser.parse(header(record, CloudEvents.HEADER_TYPE), header(record, CloudEvents.HEADER_ID),
                    header(record, CloudEvents.HEADER_SOURCE), record.key(), record.value());
        } catch (InvalidEventException e) {
            LOG.warnf("Record %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            throw e;
        }
        applyWithRetries(event, record);
    }

    /**
     * While the database is unreachable, retries without limit (nothing could be processed anyway, and the record
     * must not be lost); any other failure is retried {@code promesa.ingest.attempts} times, then dead-lettered.
     */
    private void applyWithRetries(HelpdeskEvent event, ConsumerRecord<String, String> record)
            throws InterruptedException {
        Duration backoff = config.retryBackoff();
        for (int attempt = 1;; attempt++) {
            try {
                ingestor.apply(event);
                return;
            } catch (InvalidEventException e) {
                LOG.warnf("Event %s (%s-%d@%d) goes to the dead-letter topic: %s", event.eventId(), record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                boolean infrastructure = Failures.isInfrastructure(e);
                if (!infrastructure && attempt >= config.attempts()) {
                    LOG.errorf(e, "Event %s (%s-%d@%d) failed %d times; sending it to the dead-letter topic. "
                            + "Replay it from there once the cause is fixed.", event.eventId(), record.topic(),
                            record.partition(), record.offset(), attempt);
                    throw e;
                }
                LOG.warnf("Event %s failed (attempt %d%s), retrying in %s: %s", event.eventId(), attempt,
                        infrastructure
                                ? ", database unreachable: retrying until it is back"
                                : " of " + config.attempts(),
                        backoff, e);
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
