package dev.promesa.followup.report;

import java.time.Instant;
import java.util.List;

/**
 * Met vs breached over {@code [from, to)}. A clock or promise counts in the period in which its outcome was decided:
 * when it was met or stopped, or, if still running, when its due time passed.
 */
public record ServiceReview(Instant from, Instant to, Section sla, Section commitments) {

    public record Section(List<Row> byPriority, List<Row> byAgent, List<Row> byTeam) {
    }

    public record Row(String key, long met, long breached) {
    }
}
