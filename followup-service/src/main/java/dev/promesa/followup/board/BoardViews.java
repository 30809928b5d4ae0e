package dev.promesa.followup.board;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.promesa.followup.board.BoardQueries.ClockRow;
import dev.promesa.followup.board.BoardQueries.PromiseRow;
import dev.promesa.followup.web.Times;

/**
 * Puts what the queries read into the viewer's words and zone: rows, counts, a team's agents, and the version of a
 * live part of a page (a digest of exactly what it shows, so an unchanged part is not sent again). Plain Java.
 */
public final class BoardViews {

    /** How many of one agent's promises the team page lists before "see all". */
    static final int PER_AGENT = 10;

    private BoardViews() {
    }

    public record Counts(int open, int dueSoon, int overdue, int suggested) {
        static Counts of(List<PromiseItem> items) {
            return count(items.stream().map(PromiseItem::status).toList());
        }

        /** The counts of rows read, without putting each in words (a team page counts thousands). */
        static Counts ofRows(List<PromiseRow> rows) {
            return count(rows.stream().map(PromiseRow::status).toList());
        }

        private static Counts count(List<PromiseStatus> statuses) {
            int open = 0;
            int dueSoon = 0;
            int overdue = 0;
            int suggested = 0;
            for (PromiseStatus status : statuses) {
                switch (status) {
                    case OVERDUE -> overdue++;
                    case DUE_SOON -> dueSoon++;
                    case SUGGESTED -> suggested++;
                    case ON_TIME -> {
                    }
                }
                if (status != PromiseStatus.SUGGESTED) {
                    open++;
                }
            }
            return new Counts(open, dueSoon, overdue, suggested);
        }
    }

    /** One agent on a team page: their counts and their most urgent promises. */
    public record AgentGroup(String key, String name, Counts counts, List<PromiseItem> items, int total) {
        public boolean hasMore() {
            return total > items.size();
        }

        public boolean unassigned() {
            return key.isEmpty();
        }
    }

    /** An SLA clock near (or past) its target, in the viewer's words. */
    public record ClockItem(String ticketId, String subject, String agent, String metric, String due,
            String distance, boolean breached) {
    }

    public static PromiseItem item(PromiseRow row, Instant now, ZoneId zone, String language) {
        return new PromiseItem(row.commitmentId(), row.ticketId(), row.subject(), row.priority(), row.team(),
                name(row.assigneeName(), row.assigneeEmail()), row.kind(), row.description(), row.promisedTo(),
                row.origin(), row.quote(), row.status(), row.dueAt(), Times.at(row.dueAt(), now, zone, language),
                Times.field(row.dueAt(), zone), Times.distance(row.dueAt(), now, language));
    }

    public static List<PromiseItem> items(List<PromiseRow> rows, Instant now, ZoneId zone, String language) {
        List<PromiseItem> items = new ArrayList<>(rows.size());
        for (PromiseRow row : rows) {
            items.add(item(row, now, zone, language));
        }
        return items;
    }

    public static List<ClockItem> clocks(List<ClockRow> rows, Instant now, ZoneId zone, String language) {
        return rows.stream().map(c -> new ClockItem(c.ticketId(), c.subject(), name(c.assigneeName(),
                c.assigneeEmail()), c.metric(), Times.at(c.dueAt(), now, zone, language),
                Times.distance(c.dueAt(), now, language), c.breached())).toList();
    }

    /**
     * A team's promises by agent: the agents with overdue promises first, then by how soon their first one is due;
     * the unassigned last. Each lists its {@code perAgent} most urgent (all when {@code agent} picks one).
     */
    public static List<AgentGroup> byAgent(List<PromiseRow> rows, int perAgent,
            Function<PromiseRow, PromiseItem> inWords) {
        Map<String, List<PromiseRow>> groups = new LinkedHashMap<>();
        for (PromiseRow row : rows) {
            groups.computeIfAbsent(row.agentKey(), k -> new ArrayList<>()).add(row);
        }
        List<AgentGroup> agents = new ArrayList<>(groups.size());
        for (Map.Entry<String, List<PromiseRow>> group : groups.entrySet()) {
            List<PromiseRow> all = group.getValue();
            // only the promises the page lists are put in words; the counts come from all of them
            List<PromiseItem> shown = all.subList(0, Math.min(perAgent, all.size())).stream().map(inWords).toList();
            agents.add(new AgentGroup(group.getKey(), name(all.get(0).assigneeName(), all.get(0).assigneeEmail()),
                    Counts.ofRows(all), shown, all.size()));
        }
        agents.sort(Comparator.comparing(AgentGroup::unassigned)
                .thenComparing(g -> -g.counts().overdue())
                .thenComparing(g -> -g.counts().dueSoon())
                .thenComparing(g -> g.name() == null ? "" : g.name()));
        return agents;
    }

    /** A digest of what a live part shows: equal versions, equal content. */
    public static String version(Object... shown) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : shown) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static String name(String name, String email) {
        return name != null && !name.isBlank() ? name : email == null ? "" : email;
    }
}
