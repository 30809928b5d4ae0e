package dev.promesa.followup.board;

import java.util.List;

/**
 * The ticket page: who and what it is about, its open promises (with their actions), its earlier ones, its clocks,
 * what Promesa will do next, and its whole documented history, every email Promesa sent included.
 */
public record TicketPage(Head head, List<PromiseItem> open, List<Closed> closed, List<ClockLine> clocks,
        List<Upcoming> upcoming, List<Entry> timeline, String notice, String error, String version) {

    public record Head(String id, String subject, String priority, String status, String team, String assignee,
            String requester, boolean resolved, String created) {
    }

    public record Closed(String commitmentId, String kind, boolean toUser, String description, String quote,
            String state, String due, String closed) {
    }

    public record ClockLine(String metric, String state, String due, String distance, boolean breached) {
    }

    public record Upcoming(String kind, int level, String at, String distance) {
    }

    /**
     * One entry of the history. {@code interaction}: from the help desk ({@code kind}, {@code author}, {@code body},
     * {@code internal}); {@code email}: an email Promesa sent ({@code recipientRole}, {@code recipient},
     * {@code subject}, {@code alertKind}); else something a person or Promesa did ({@code type}, {@code author},
     * {@code due}, {@code reason}).
     */
    public record Entry(String type, String when, boolean interaction, boolean email, String kind, String author,
            boolean internal, String body, String commitmentId, String due, String reason, String recipientRole,
            String recipient, String subject, String alertKind) {

        public String css() {
            return interaction ? (internal ? "internal" : "desk") : email ? "email" : "promesa";
        }
    }
}
