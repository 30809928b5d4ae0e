package dev.promesa.notifier.alert;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertWithdrawal;
import dev.promesa.messaging.PollHandler;
import dev.promesa.notifier.carrier.Carriers;
import dev.promesa.notifier.carrier.WithdrawalReader;
import dev.promesa.notifier.carrier.Withdrawals;
import dev.promesa.notifier.chat.ChatMessages;
import dev.promesa.notifier.delivery.NewNotification;
import dev.promesa.notifier.delivery.NotificationLog;
import dev.promesa.notifier.desk.Desk;
import dev.promesa.notifier.desk.Desks;
import dev.promesa.notifier.hours.StaffHolds;
import dev.promesa.notifier.recipient.Addressee;
import dev.promesa.notifier.recipient.Addressee.Channel;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Addressee.Unresolved;
import dev.promesa.notifier.template.MailRenderer;

/**
 * notifier's part of a poll ({@link AlertConsumer} runs it through messaging's poll processor): turns alerts into
 * notification-log rows, who gets each alert and what they read, then one insert for all of them. Nothing is sent
 * here; the delivery worker picks the rows up once they are committed.
 * <p>
 * A record that is not an alert ({@link AlertReader}) or whose emails cannot be written
 * ({@link UnreadableAlertException}) is dead-lettered alone by the processor; the rest of the poll goes on. Before
 * rendering, one query finds the (alert, recipient) pairs already logged, so a redelivered poll renders nothing; of
 * those, the log queues a FAILED email again (a replayed dead letter) and leaves SENT and PENDING ones alone.
 */
@ApplicationScoped
public class AlertIntake implements PollHandler<AlertIntake.Received> {
    private static final Logger LOG = Logger.getLogger(AlertIntake.class);

    private final AlertReader reader;
    private final Desks desks;
    private final MailRenderer renderer;
    private final NotificationLog log;
    private final StaffHolds holds;
    private final ChatMessages chat;
    private final WithdrawalReader withdrawalReader;
    private final Carriers carriers;
    private final Withdrawals withdrawals;

    AlertIntake(AlertReader reader, Desks desks, MailRenderer renderer, NotificationLog log, StaffHolds holds,
            ChatMessages chat, WithdrawalReader withdrawalReader, Carriers carriers, Withdrawals withdrawals) {
        this.reader = reader;
        this.desks = desks;
        this.renderer = renderer;
        this.log = log;
        this.holds = holds;
        this.chat = chat;
        this.withdrawalReader = withdrawalReader;
        this.carriers = carriers;
        this.withdrawals = withdrawals;
    }

    /**
     * A record of the poll: an alert (its value is kept as the alert JSON of the log rows), or a withdrawal of stale
     * emails ({@code alert} null).
     */
    public record Received(ConsumerRecord<String, String> record, Alert alert, AlertWithdrawal withdrawal) {
    }

    /** One alert with the rows it asks for; {@code alreadyLogged} [alert id, recipient] pairs were not rendered. */
    private record Prepared(Alert alert, List<NewNotification> rows, List<String[]> alreadyLogged) {
    }

    @Override
    public Received read(ConsumerRecord<String, String> record) {
        if (WithdrawalReader.isWithdrawal(record)) {
            return new Received(record, null, withdrawalReader.read(record.value()));
        }
        return new Received(record, reader.read(record.value()), null);
    }

    /**
     * The whole poll: one lookup of what is logged already, the emails rendered, the ones carriers take gathered, one
     * insert of the rest; then the poll's withdrawals, which only withdraw what fired before them.
     */
    @Override
    public void applyAll(List<Received> poll) {
        List<Received> alerts = poll.stream().filter(r -> r.alert() != null).toList();
        Set<String> known = knownKeys(alerts);
        List<Prepared> prepared = new ArrayList<>(alerts.size());
        for (Received received : alerts) {
            prepared.add(prepare(received, known));
        }
        List<NewNotification> alone = carriers.gather(prepared.stream().flatMap(p -> p.rows().stream()).toList());
        NotificationLog.Recorded recorded = log.record(alone,
                prepared.stream().flatMap(p -> p.alreadyLogged().stream()).toList());
        // the rows carriers took are logged by them
        Set<NewNotification> goingAlone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        goingAlone.addAll(alone);
        report(prepared.stream().filter(p -> p.rows().isEmpty() || p.rows().stream().anyMatch(goingAlone::contains))
                .toList(), recorded);
        withdrawals.apply(poll.stream().filter(r -> r.withdrawal() != null).map(Received::withdrawal).toList());
    }

    @Override
    public void apply(Received alert) {
        applyAll(List.of(alert));
    }

    /** An alert whose emails cannot be written will not become writable: dead-lettered without retries. */
    @Override
    public boolean isPermanent(RuntimeException failure) {
        return failure instanceof UnreadableAlertException;
    }

    @Override
    public String describe(Received received) {
        if (received.withdrawal() != null) {
            AlertWithdrawal w = received.withdrawal();
            return "Withdrawal " + w.withdrawalId() + " (" + w.reason() + ", ticket " + w.ticketId() + ")";
        }
        return "Alert " + received.alert().alertId() + " (" + received.alert().kind() + ", ticket "
                + received.alert().ticketId() + ")";
    }

    private Set<String> knownKeys(List<Received> alerts) {
        try {
            return log.knownKeys(alerts.stream().map(r -> r.alert().alertId()).distinct().toList());
        } catch (RuntimeException e) {
            // Only a shortcut for redeliveries: the insert's unique key keeps them harmless anyway.
            LOG.debugf("Could not look up already logged recipients: %s", e);
            return Set.of();
        }
    }

    private Prepared prepare(Received received, Set<String> known) {
        Alert alert = received.alert();
        try {
            Desk desk = desks.of(alert.source());
            List<NewNotification> rows = new ArrayList<>();
            List<String[]> alreadyLogged = new ArrayList<>();
            List<Addressee> addressees = new ArrayList<>(desk.recipients().resolve(alert));
            chat.channelFor(alert).ifPresent(addressees::add); // a team channel: one message besides the emails
            for (Addressee addressee : addressees) {
                if (known.contains(new NewNotification(alert, null, addressee, null, null).key())) {
                    alreadyLogged.add(new String[]{alert.alertId(), addressee.key()});
                    continue;
                }
                if (addressee instanceof Recipient recipient) {
                    // a staff email outside the recipient's working hours waits for the next one (hours.StaffHours)
                    var notBefore = holds.notBefore(alert, recipient, desk.letterhead().teams()).orElse(null);
                    var mail = renderer.render(alert, recipient, desk.letterhead(), notBefore);
                    rows.add(new NewNotification(alert, received.record().value(), recipient, mail.language(), mail,
                            notBefore));
                } else if (addressee instanceof Channel channel) {
                    // the team's channel waits for the team's working hours, as the lead's email does
                    var notBefore = holds.notBefore(alert, chat.standIn(channel, desk.letterhead()),
                            desk.letterhead().teams()).orElse(null);
                    var message = chat.render(alert, channel, desk.letterhead());
                    rows.add(new NewNotification(alert, received.record().value(), channel, message.language(),
                            message, notBefore));
                } else if (addressee instanceof Unresolved) {
                    rows.add(new NewNotification(alert, received.record().value(), addressee,
                            desk.letterhead().defaultLanguage(), null));
                }
            }
            return new Prepared(alert, rows, alreadyLogged);
        } catch (UnreadableAlertException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnreadableAlertException("could not write the emails of alert " + alert.alertId() + ": " + e,
                    e);
        }
    }

    /** One line per alert, as a person following an alert through the logs expects. */
    private static void report(List<Prepared> prepared, NotificationLog.Recorded recorded) {
        Map<Alert, List<NewNotification>> byAlert = new IdentityHashMap<>();
        recorded.inserted().forEach(row -> byAlert.computeIfAbsent(row.alert(), a -> new ArrayList<>()).add(row));
        prepared.forEach(p -> report(p.alert(), byAlert.getOrDefault(p.alert(), List.of()), recorded.queuedAgain()));
    }

    private static void report(Alert alert, List<NewNotification> inserted, Set<String> queuedAgain) {
        List<String> queued = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (NewNotification row : inserted) {
            if (row.addressee() instanceof Unresolved nobody) {
                unresolved.add(nobody.audience() + ": " + nobody.reason());
            } else {
                queued.add(row.addressee().audience() + " " + row.addressee().key()
                        + (row.held() ? " (held until " + row.notBefore() + ": outside working hours)" : ""));
            }
        }
        List<String> again = queuedAgain.stream().filter(key -> key.startsWith(alert.alertId() + "\n"))
                .map(key -> key.substring(alert.alertId().length() + 1)).sorted().toList();
        if (queued.isEmpty() && unresolved.isEmpty() && again.isEmpty()) {
            LOG.infof("Alert %s (%s, ticket %s) was already handled; redelivery ignored", alert.alertId(),
                    alert.kind(), alert.ticketId());
            return;
        }
        if (!queued.isEmpty()) {
            LOG.infof("Alert %s (%s, ticket %s): emails queued for %s", alert.alertId(), alert.kind(),
                    alert.ticketId(), queued);
        }
        if (!again.isEmpty()) {
            LOG.infof("Alert %s (%s, ticket %s) arrived again (a replayed dead letter?) while its email to %s was "
                    + "FAILED: queued again with a new retry budget; what was sent is not sent again",
                    alert.alertId(), alert.kind(), alert.ticketId(), again);
        }
        if (!unresolved.isEmpty()) {
            LOG.errorf("Alert %s (%s, ticket %s): nobody to email, recorded as FAILED and dead-lettered: %s",
                    alert.alertId(), alert.kind(), alert.ticketId(), unresolved);
        }
    }
}
