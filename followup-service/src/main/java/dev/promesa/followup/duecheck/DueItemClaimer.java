package dev.promesa.followup.duecheck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.promesa.contracts.Alert;

/**
 * One round of the due check, in one transaction: claim due items (row locks, {@code SKIP LOCKED} so replicas take
 * disjoint batches), publish their alerts and wait for Kafka's acks, delete the items, commit. If publishing fails the
 * transaction rolls back and the items are claimed again next round. If the process dies after the acks but before
 * the commit, the items are published again next round with the same alert ids: at least once, never lost.
 */
@ApplicationScoped
public class DueItemClaimer {

    private static final Logger LOG = Logger.getLogger(DueItemClaimer.class);

    /** Reads the due_at index from its low end; locked rows (another replica's batch) are skipped, not waited on. */
    static final String CLAIM_SQL = """
            select * from due_item
            where due_at <= ?1
            order by due_at
            limit ?2
            for update skip locked""";

    private final EntityManager em;
    private final AlertFactory alerts;
    private final AlertPublisher publisher;
    private final DueCheckMetrics metrics;
    private final Clock clock;

    DueItemClaimer(EntityManager em, AlertFactory alerts, AlertPublisher publisher, DueCheckMetrics metrics,
            Clock clock) {
        this.em = em;
        this.alerts = alerts;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @return how many items were claimed and published (a full batch means: run again at once) */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int claimAndPublish(int batchSize) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<DueItem> items = em.createNativeQuery(CLAIM_SQL, DueItem.class)
                .setParameter(1, now)
                .setParameter(2, batchSize)
                .getResultList();
        if (items.isEmpty()) {
            return 0;
        }
        Instant firedAt = clock.instant();
        List<Alert> batch = new ArrayList<>(items.size());
        for (DueItem item : items) {
            batch.add(alerts.build(item, firedAt));
        }
        publisher.publishAll(batch);
        List<Long> ids = new ArrayList<>(items.size());
        for (DueItem item : items) {
            ids.add(item.id);
            Duration lag = Duration.between(item.dueAt, firedAt);
            metrics.published(item.source, item.kind, lag);
            LOG.infof("Alert %s published for ticket %s (due %s, %d ms after its time)", item.alertId, item.ticket(),
                    item.dueAt, lag.toMillis());
        }
        DueItem.delete("id in ?1", ids);
        return items.size();
    }
}
