package dev.promesa.notifier.alert;

import dev.promesa.config.NotifierConfig;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import dev.promesa.contracts.Alert;
import dev.promesa.notifier.delivery.Backoff;
import dev.promesa.notifier.desk.Desk;
import dev.promesa.notifier.desk.Desks;
import dev.promesa.notifier.delivery.NewNotification;
import dev.promesa.notifier.delivery.NotificationLog;
import dev.promesa.notifier.recipient.Addressee;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Addressee.Unresolved;
import dev.promesa.notifier.recipient.EmailAddresses;
import dev.promesa.notifier.template.MailRenderer;

/**
 * Turns one poll of alerts into notification-log rows: who gets each alert, what they read, then one insert for the
 * whole poll. Nothing is sent here; the delivery worker picks the rows up once they are committed.
 * <p>
 * A record that cannot be read or rendered is dead-lettered alone, and the rest of the poll goes on. A passing failure
 * of the insert (typically the database restarting) is retried with backoff, holding the partitions in order; if the
 * poll still cannot be written, its alerts are written one by one, each with the same retries, so that only an alert
 * that itself cannot be stored ends on the dead-letter topic.
 */
@ApplicationScoped
public class AlertIntake {
    private static final Logger LOG = Logger.getLogger(AlertIntake.class);

    private final AlertReader reader;
    private final Desks desks;
    private final MailRenderer renderer;
    private final NotificationLog log;
    private final UnreadableAlerts unreadable;
    private final Retrying retrying;

    AlertIntake(AlertReader reader, Desks desks, MailRenderer renderer, NotificationLog log,
            UnreadableAlerts unreadable, NotifierConfig config) {
        this.reader = reader;
        this.desks = desks;
        this.renderer = renderer;
        this.log = log;
        this.unreadable = unreadable;
        NotifierConfig.Intake settings = config.intake();
        this.retrying = new Retrying(settings.maxAttempts(),
                new Backoff(settings.initialBackoff(), settings.maxBackoff()),
                wait -> Thread.sleep(wait.toMillis()));
    }

    /** A record of the poll that is an alert. */
    private record Readable(ConsumerRecord<String, String> record, Alert alert) {
    }

    /**
     * One alert of the poll with the rows it asks for; {@code alreadyLogged} recipients were skipped (a redelivery
     * renders nothing).
     */
    private record Prepared(ConsumerRecord<String, String> record, Alert alert, List<NewNotification> rows,
            int alreadyLogged) {
    }

    public void accept(List<ConsumerRecord<String, String>> records) {
        List<Readable> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable.add(new Readable(record, reader.read(record.value())));
            } catch (RuntimeException e) {
                deadLetter(record, e);
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        Set<String> known = knownKeys(readable);
        List<Prepared> prepared = new ArrayList<>(readable.size());
        int skipped = 0;
        for (Readable r : readable) {
            try {
                Prepared p = prepare(r, known);
                prepared.add(p);
                skipped += p.alreadyLogged();
            } catch (RuntimeException e) {
                deadLetter(r.record(), new UnreadableAlertException("could not write the emails of alert "
                        + r.alert().alertId() + ": " + e, e));
            }
        }
        log.skippedKnown(skipped);
        List<NewNotification> rows = prepared.stream().flatMap(p -> p.rows().stream()).toList();
        try {
            List<NewNotification> inserted = retrying.call(() -> log.insert(rows), (attempt, wait, failure) -> LOG
                    .warnf("Could not record %d alert(s) (attempt %d): %s; retrying in %s", prepared.size(), attempt,
                            EmailAddresses.maskedIn(failure.toString()), wait));
            report(prepared, inserted);
        } catch (RuntimeException e) {
            LOG.errorf("Could not record a poll of %d alert(s): %s; recording them one by one",
                    prepared.size(), EmailAddresses.maskedIn(e.toString()));
            prepared.forEach(this::acceptAlone);
        }
    }

    private Set<String> knownKeys(List<Readable> readable) {
        try {
            return log.knownKeys(readable.stream().map(r -> r.alert().alertId()).distinct().toList());
        } catch (RuntimeException e) {
            // Only a shortcut for redeliveries: the insert's unique key keeps them harmless anyway.
            LOG.debugf("Could not look up already logged recipients: %s", e);
            return Set.of();
        }
    }

    private Prepared prepare(Readable r, Set<String> known) {
        Alert alert = r.alert();
        Desk desk = desks.of(alert.source());
        List<NewNotification> rows = new ArrayList<>();
        int alreadyLogged = 0;
        for (Addressee addressee : desk.recipients().resolve(alert)) {
            if (known.contains(new NewNotification(alert, null, addressee, null, null).key())) {
                alreadyLogged++;
                continue;
            }
            if (addressee instanceof Recipient recipient) {
                var mail = renderer.render(alert, recipient, desk.letterhead());
                rows.add(new NewNotification(alert, r.record().value(), recipient, mail.language(), mail));
            } else if (addressee instanceof Unresolved) {
                rows.add(new NewNotification(alert, r.record().value(), addressee,
                        desk.letterhead().defaultLanguage(), null));
            }
        }
        return new Prepared(r.record(), alert, rows, alreadyLogged);
    }

    /** After the poll's insert failed for good: this alert alone, so one bad alert cannot take the others along. */
    private void acceptAlone(Prepared p) {
        try {
            List<NewNotification> inserted = retrying.call(() -> log.insert(p.rows()), (attempt, wait, failure) -> LOG
                    .warnf("Could not record alert %s (attempt %d): %s; retrying in %s", p.alert().alertId(), attempt,
                            EmailAddresses.maskedIn(failure.toString()), wait));
            report(List.of(p), inserted);
        } catch (RuntimeException e) {
            deadLetter(p.record(), new UnreadableAlertException("could not record alert " + p.alert().alertId()
                    + ": " + e.getMessage(), e));
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, RuntimeException reason) {
        // Waits for the broker; if it cannot take the dead letter either, the poll fails and is read again.
        retrying.run(() -> unreadable.deadLetter(record, reason), (attempt, wait, failure) -> LOG.warnf(
                "Could not dead-letter record %s-%d@%d (attempt %d): %s; retrying in %s", record.topic(),
                record.partition(), record.offset(), attempt, failure, wait));
    }

    /** One line per alert, as a person following an alert through the logs expects; addresses masked. */
    private static void report(List<Prepared> prepared, List<NewNotification> inserted) {
        Map<Alert, List<NewNotification>> byAlert = new IdentityHashMap<>();
        inserted.forEach(row -> byAlert.computeIfAbsent(row.alert(), a -> new ArrayList<>()).add(row));
        prepared.forEach(p -> report(p.alert(), byAlert.getOrDefault(p.alert(), List.of())));
    }

    private static void report(Alert alert, List<NewNotification> inserted) {
        List<String> queued = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (NewNotification row : inserted) {
            if (row.addressee() instanceof Unresolved nobody) {
                unresolved.add(nobody.audience() + ": " + nobody.reason());
            } else {
                queued.add(row.addressee().audience() + " " + EmailAddresses.masked(row.addressee().key()));
            }
        }
        if (queued.isEmpty() && unresolved.isEmpty()) {
            LOG.infof("Alert %s (%s, ticket %s) was already handled; redelivery ignored", alert.alertId(),
                    alert.kind(), alert.ticketId());
            return;
        }
        if (!queued.isEmpty()) {
            LOG.infof("Alert %s (%s, ticket %s): emails queued for %s", alert.alertId(), alert.kind(),
                    alert.ticketId(), queued);
        }
        if (!unresolved.isEmpty()) {
            LOG.errorf("Alert %s (%s, ticket %s): nobody to email, recorded as FAILED and dead-lettered: %s",
                    alert.alertId(), alert.kind(), alert.ticketId(), unresolved);
        }
    }
}
