package dev.promesa.followup.operator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.promesa.contracts.TicketRef;

/**
 * How many records of each source sit in the dead-letter topics, kept up to date by reading each partition on from
 * where the last count stopped, so a page load reads only what arrived since. A record's source is its
 * {@code ce_source} header (what the consumers take as the source, and what messaging's {@code DeadLetter} keeps from
 * the original record), else the source part of its key ({@code <source>/<ticketId>}, both topics' key); a record
 * that names neither a valid source is counted for nobody, so no source ever sees another's. When retention has
 * deleted records counted before (the partition's log now starts later) or the partition was emptied, that partition
 * is counted again from its log start. Pure: {@link DeadLetterCounts} feeds it what it reads from Kafka. Not
 * thread-safe.
 */
final class DeadLetterTally {

    /** One partition of one dead-letter topic. */
    record Partition(String topic, int partition) {
    }

    /** The records of one source in one topic and the time of the newest (null when none has one). */
    record Count(long records, Instant latest) {
        static final Count NONE = new Count(0, null);

        Count plus(Instant time) {
            return new Count(records + 1, latest == null || time != null && time.isAfter(latest) ? time : latest);
        }

        Count plus(Count other) {
            Instant newest = latest == null
                    ? other.latest
                    : other.latest == null || latest.isAfter(other.latest) ? latest : other.latest;
            return new Count(records + other.records, newest);
        }
    }

    private static final class Counted {
        final long from;
        long next;
        final Map<String, Count> bySource = new HashMap<>();

        Counted(long from) {
            this.from = from;
            this.next = from;
        }
    }

    private final Map<Partition, Counted> partitions = new HashMap<>();

    /** The source a dead letter belongs to, or null when it names none. */
    static String sourceOf(String ceSource, String key) {
        if (TicketRef.isSourceName(ceSource)) {
            return ceSource;
        }
        TicketRef ticket = TicketRef.fromRecordKey(key);
        return ticket != null && TicketRef.isSourceName(ticket.source()) ? ticket.source() : null;
    }

    /**
     * The offset to read a partition on from, given where its log starts and ends now: where the last count stopped,
     * or the log start when records counted before are gone or the partition was emptied (its count starts again).
     */
    long readFrom(Partition partition, long logStart, long logEnd) {
        Counted counted = partitions.get(partition);
        if (counted == null || logStart > counted.from || logEnd < counted.next) {
            counted = new Counted(logStart);
            partitions.put(partition, counted);
        }
        return counted.next;
    }

    /** One record read; a record before the partition's count position (read twice) is not counted again. */
    void add(Partition partition, long offset, String source, Instant time) {
        Counted counted = partitions.get(partition);
        if (counted == null || offset < counted.next) {
            return;
        }
        counted.next = offset + 1;
        if (source != null) {
            counted.bySource.merge(source, Count.NONE.plus(time), Count::plus);
        }
    }

    /** The consumer's position after a poll: offsets below it are counted (gaps hold no records, e.g. markers). */
    void readUpTo(Partition partition, long position) {
        Counted counted = partitions.get(partition);
        if (counted != null && position > counted.next) {
            counted.next = position;
        }
    }

    /** Records of the partition not counted yet, of those up to {@code logEnd}. */
    long remaining(Partition partition, long logEnd) {
        Counted counted = partitions.get(partition);
        return counted == null ? logEnd : Math.max(0, logEnd - counted.next);
    }

    /** Forgets the partitions that no longer exist (a topic deleted). */
    void retain(Set<Partition> present) {
        partitions.keySet().retainAll(present);
    }

    /** The records of one source in one topic, over all its partitions. */
    Count count(String topic, String source) {
        Count total = Count.NONE;
        for (Map.Entry<Partition, Counted> entry : partitions.entrySet()) {
            if (entry.getKey().topic().equals(topic)) {
                total = total.plus(entry.getValue().bySource.getOrDefault(source, Count.NONE));
            }
        }
        return total;
    }
}
