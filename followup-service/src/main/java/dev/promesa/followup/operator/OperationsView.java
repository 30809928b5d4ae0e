package dev.promesa.followup.operator;

import java.util.List;

/**
 * What the operations page shows (templates/OperatorPage/page.html), every text already in the viewer's zone.
 *
 * @param notice      the outcome of the last resend ({@code resent}, {@code not-failed}, …), or null
 * @param notifier    how the call to notifier went: {@code ok}, {@code not-connected}, {@code unreachable},
 *                    {@code key-refused}, {@code error} or {@code unreadable}
 * @param kafka       why the dead letters could not be counted, or null
 */
public record OperationsView(String notice, String notifier, String notifierUrl, int notifierStatus,
        List<Line> failed, long failedTotal, List<Line> held, long heldTotal, List<DeadLetterLine> deadLetters,
        String countedAt, long stillToRead, String kafka, String csrf) {

    /** One email: {@code when} is the failed one's first failure of this run, the held one's departure. */
    public record Line(String id, String recipient, String kind, String ticketId, String lastError, int attempts,
            int resends, String when) {
    }

    /** One dead-letter topic: {@code kind} {@code ingest} (followup's) or {@code alerts} (notifier's). */
    public record DeadLetterLine(String topic, String kind, long records, String latest) {
    }

    public boolean notifierOk() {
        return "ok".equals(notifier);
    }

    /** Whether the resend notice reports a failure (styled as an error). */
    public boolean noticeIsError() {
        return notice != null && !"resent".equals(notice);
    }

    public boolean failedCut() {
        return failedTotal > failed.size();
    }

    public boolean heldCut() {
        return heldTotal > held.size();
    }
}
