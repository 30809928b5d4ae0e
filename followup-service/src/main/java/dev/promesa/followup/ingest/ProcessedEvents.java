package dev.promesa.followup.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The log of processed event ids: the idempotency half of at-least-once consumption. Event ids are unique per source:
 * the same {@code Idempotency-Key} from two help desks is two events.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** One processed event: its source and id. */
    public record EventKey(String source, String eventId) {
        static final Comparator<EventKey> ORDER = Comparator.comparing(EventKey::source)
                .thenComparing(EventKey::eventId);
    }

    /** One statement for a whole batch; sorted keys so two replicas inserting overlapping batches lock in one order. */
    private static final String MARK_ALL = """
            insert into processed_event (source, event_id, processed_at)
            select source, event_id, ? from unnest(?::varchar[], ?::varchar[]) as e(source, event_id)
            order by source, event_id
            on conflict do nothing
            returning source, event_id""";

    private final Clock clock;

    ProcessedEvents(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records all the events in the connection's transaction with one statement. Returns those that were new: the
     * others were processed before (a redelivery) and must change nothing. An event given twice is returned once. (If
     * another replica is processing one of them right now, this waits for its transaction.)
     */
    public Set<EventKey> markAllProcessed(Connection connection, Collection<EventKey> events) throws SQLException {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        TreeSet<EventKey> distinct = new TreeSet<>(EventKey.ORDER);
        distinct.addAll(events);
        Set<EventKey> fresh = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(MARK_ALL)) {
            insert.setObject(1, now);
            insert.setArray(2, connection.createArrayOf("varchar", distinct.stream().map(EventKey::source).toArray()));
            insert.setArray(3, connection.createArrayOf("varchar",
                    distinct.stream().map(EventKey::eventId).toArray()));
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    fresh.add(new EventKey(inserted.getString(1), inserted.getString(2)));
                }
            }
        }
        return fresh;
    }
}
