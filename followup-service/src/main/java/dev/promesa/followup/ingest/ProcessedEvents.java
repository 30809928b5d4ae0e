package dev.promesa.followup.ingest;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/** The log of processed event ids: the idempotency half of at-least-once consumption. */
@ApplicationScoped
public class ProcessedEvents {

    /** One statement for a whole batch; sorted ids so two replicas inserting overlapping batches lock in one order. */
    private static final String MARK_ALL = """
            insert into processed_event (event_id, processed_at)
            select id, ? from unnest(?::varchar[]) as id order by id
            on conflict do nothing
            returning event_id""";

    private final EntityManager em;
    private final Clock clock;

    ProcessedEvents(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Records the event id in the current transaction. False if it was already recorded: the event was processed
     * before and must change nothing. (If another replica is processing the same id right now, this waits for it.)
     */
    public boolean markProcessed(String eventId) {
        int inserted = em.createNativeQuery(
                "insert into processed_event (event_id, processed_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, Instant.now(clock))
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Records all the ids in the current transaction with one statement. Returns the ids that were new: the others
     * were processed before (a redelivery) and must change nothing. An id given twice is returned once.
     */
    public Set<String> markAllProcessed(Collection<String> eventIds) {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        Object[] distinct = new TreeSet<>(eventIds).toArray();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> fresh = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(MARK_ALL)) {
                Array ids = connection.createArrayOf("varchar", distinct);
                insert.setObject(1, now);
                insert.setArray(2, ids);
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        fresh.add(inserted.getString(1));
                    }
                }
            }
            return fresh;
        });
    }
}
