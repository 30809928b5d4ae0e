package dev.promesa.followup.ingest;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The log of processed event ids: the idempotency half of at-least-once consumption. */
@ApplicationScoped
public class ProcessedEvents {

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
}
