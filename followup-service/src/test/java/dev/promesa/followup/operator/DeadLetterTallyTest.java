package dev.promesa.followup.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DeadLetterTallyTest {

    private static final String INGEST = "helpdesk.events.v1.dlq";
    private static final String ALERTS = "followup.alerts.v1.dlq";
    private static final DeadLetterTally.Partition P0 = new DeadLetterTally.Partition(INGEST, 0);
    private static final DeadLetterTally.Partition P1 = new DeadLetterTally.Partition(INGEST, 1);
    private static final Instant T = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void aRecordBelongsToItsCloudEventsSourceElseToItsKeysSourceElseToNobody() {
        assertThat(DeadLetterTally.sourceOf("acme", "globex/T-1")).isEqualTo("acme");
        assertThat(DeadLetterTally.sourceOf(null, "acme/T-1")).isEqualTo("acme");
        assertThat(DeadLetterTally.sourceOf("not a source", "acme/T-1")).isEqualTo("acme");
        assertThat(DeadLetterTally.sourceOf(null, "T-1")).isNull();
        assertThat(DeadLetterTally.sourceOf("", null)).isNull();
        assertThat(DeadLetterTally.sourceOf(null, "a b/T-1")).isNull();
        assertThat(DeadLetterTally.sourceOf(null, "/T-1")).isNull();
    }

    @Test
    void countsPerSourceAndTopicWithTheNewestTime() {
        DeadLetterTally tally = new DeadLetterTally();
        assertThat(tally.readFrom(P0, 0, 3)).isZero();
        assertThat(tally.readFrom(P1, 0, 1)).isZero();
        tally.add(P0, 0, "acme", T);
        tally.add(P0, 1, "globex", T.plusSeconds(5));
        tally.add(P0, 2, "acme", T.plusSeconds(10));
        tally.add(P1, 0, "acme", T.minusSeconds(60));

        assertThat(tally.count(INGEST, "acme")).isEqualTo(new DeadLetterTally.Count(3, T.plusSeconds(10)));
        assertThat(tally.count(INGEST, "globex")).isEqualTo(new DeadLetterTally.Count(1, T.plusSeconds(5)));
        assertThat(tally.count(INGEST, "initech")).isEqualTo(DeadLetterTally.Count.NONE);
        assertThat(tally.count(ALERTS, "acme")).isEqualTo(DeadLetterTally.Count.NONE);
    }

    @Test
    void aLaterCountReadsOnlyWhatArrivedSinceAndNeverCountsARecordTwice() {
        DeadLetterTally tally = new DeadLetterTally();
        tally.readFrom(P0, 0, 2);
        tally.add(P0, 0, "acme", T);
        tally.add(P0, 1, "acme", T);
        tally.readUpTo(P0, 2);

        assertThat(tally.readFrom(P0, 0, 5)).isEqualTo(2);
        assertThat(tally.remaining(P0, 5)).isEqualTo(3);
        tally.add(P0, 1, "acme", T); // read again after a reconnect: already counted
        tally.add(P0, 2, "acme", T);
        assertThat(tally.count(INGEST, "acme").records()).isEqualTo(3);
    }

    @Test
    void aRecordWithoutASourceMovesThePositionButCountsForNobody() {
        DeadLetterTally tally = new DeadLetterTally();
        tally.readFrom(P0, 0, 2);
        tally.add(P0, 0, null, T);
        tally.add(P0, 1, "acme", null);
        assertThat(tally.count(INGEST, "acme")).isEqualTo(new DeadLetterTally.Count(1, null));
        assertThat(tally.readFrom(P0, 0, 2)).isEqualTo(2);
        assertThat(tally.remaining(P0, 2)).isZero();
    }

    @Test
    void whenRetentionDeletedCountedRecordsThePartitionIsCountedAgainFromItsLogStart() {
        DeadLetterTally tally = new DeadLetterTally();
        tally.readFrom(P0, 0, 3);
        tally.add(P0, 0, "acme", T);
        tally.add(P0, 1, "acme", T);
        tally.add(P0, 2, "acme", T);

        assertThat(tally.readFrom(P0, 2, 4)).isEqualTo(2);
        assertThat(tally.count(INGEST, "acme").records()).isZero();
        tally.add(P0, 2, "acme", T);
        tally.add(P0, 3, "acme", T);
        assertThat(tally.count(INGEST, "acme").records()).isEqualTo(2);
    }

    @Test
    void aTopicEmptiedOrRecreatedIsCountedAgainAndADeletedOneForgotten() {
        DeadLetterTally tally = new DeadLetterTally();
        tally.readFrom(P0, 0, 2);
        tally.readFrom(P1, 0, 1);
        tally.add(P0, 0, "acme", T);
        tally.add(P0, 1, "acme", T);
        tally.add(P1, 0, "acme", T);

        assertThat(tally.readFrom(P0, 0, 1)).isZero(); // its end is before where the count stopped
        tally.retain(Set.of(P0));
        assertThat(tally.count(INGEST, "acme").records()).isZero();
    }
}
