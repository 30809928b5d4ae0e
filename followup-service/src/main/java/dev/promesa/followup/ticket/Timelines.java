package dev.promesa.followup.ticket;

import java.util.ArrayList;
import java.util.List;

/**
 * A ticket's documented timeline: its interactions from the help desk and what people and Promesa did on it, merged
 * in the order followup recorded them (one sequence numbers both). The read API and the board's ticket page show it.
 */
public final class Timelines {
    private Timelines() {
    }

    public static List<TimelineView> of(Ticket t) {
        List<TimelineEntry> interactions = TimelineEntry.list("source = ?1 and ticketId = ?2 order by seq", t.source,
                t.id);
        List<TicketActivity> activities = TicketActivity.list("source = ?1 and ticketId = ?2 order by seq", t.source,
                t.id);
        // both ordered by one sequence: merge the two lists
        List<TimelineView> timeline = new ArrayList<>(interactions.size() + activities.size());
        int a = 0;
        for (TimelineEntry interaction : interactions) {
            while (a < activities.size() && activities.get(a).seq < interaction.seq) {
                timeline.add(TimelineView.of(activities.get(a++)));
            }
            timeline.add(TimelineView.of(interaction));
        }
        while (a < activities.size()) {
            timeline.add(TimelineView.of(activities.get(a++)));
        }
        return timeline;
    }
}
