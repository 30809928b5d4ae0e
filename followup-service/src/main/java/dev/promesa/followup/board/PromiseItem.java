package dev.promesa.followup.board;

import java.time.Instant;

import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.CommitmentOrigin;
import dev.promesa.contracts.PromisedTo;

/**
 * One open or suggested promise as a board row shows it, with its times already in the viewer's zone and language.
 *
 * @param due      the due time as the viewer reads it ("mié 3 dic, 10:30"); empty for a vague suggestion
 * @param dueInput the due time for a date-time field ({@code 2026-12-03T10:30}, the viewer's zone)
 * @param distance how far the due time is, compact ("25 min", "2 h 5 min"): late by, or left
 * @param agent    the assignee's name (or address) on a team page
 */
public record PromiseItem(String commitmentId, String ticketId, String ticketSubject, String priority, String team,
        String agent, CommitmentKind kind, String description, PromisedTo promisedTo, CommitmentOrigin origin,
        String quote, PromiseStatus status, Instant dueAt, String due, String dueInput, String distance) {

    public boolean overdue() {
        return status == PromiseStatus.OVERDUE;
    }

    public boolean dueSoon() {
        return status == PromiseStatus.DUE_SOON;
    }

    public boolean suggested() {
        return status == PromiseStatus.SUGGESTED;
    }

    public boolean fromText() {
        return origin == CommitmentOrigin.TEXT;
    }

    public boolean apology() {
        return origin == CommitmentOrigin.APOLOGY;
    }

    public boolean toUser() {
        return promisedTo == PromisedTo.USER;
    }

    public boolean hasDue() {
        return dueAt != null;
    }

    public String css() {
        return status.css();
    }
}
