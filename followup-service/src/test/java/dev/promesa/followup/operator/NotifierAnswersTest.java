package dev.promesa.followup.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** notifier's answers as its NotificationResource writes them: NotificationPage, NotificationView, ApiProblem. */
class NotifierAnswersTest {

    private static final String PAGE = """
            {"page":0,"size":50,"total":73,"items":[
              {"id":"0b8c1f6e-5b5e-4f7e-9a57-1d3f4a2b9c01","alertId":"a-1","kind":"USER_OVERDUE","source":"acme",
               "ticketId":"T-42","recipient":"lucia.garcia@example.com","audience":"USER","locale":"es",
               "subject":"Sobre su ticket","state":"FAILED","attempts":7,"nextAttemptAt":null,
               "lastError":"550 5.1.1 <lucia.garcia@example.com>:\\n user unknown","createdAt":"2026-12-02T08:00:00Z",
               "sentAt":null,"deadLetteredAt":"2026-12-02T09:00:00Z","failingSince":"2026-12-02T08:01:00.5Z",
               "resends":1,"resentAt":null,"resentVia":"api","heldUntil":null,"carrierId":null,"dueAt":null,
               "withdrawnAt":null,"withdrawnReason":null,"textBody":null,"htmlBody":null,"writeBack":null,
               "aFieldAddedLater":{"x":1}},
              {"id":"5f0c1f6e-5b5e-4f7e-9a57-1d3f4a2b9c02","kind":"LEAD_ESCALATION","source":"globex",
               "ticketId":"G-1","recipient":"boss@globex.example","state":"FAILED","attempts":3}
            ]}""";

    @Test
    void aPageBecomesRowsOfItsSourceOnlyWithAddressesMasked() {
        NotifierAnswers.Listing listing = NotifierAnswers.listing(PAGE, "acme");

        assertThat(listing.total()).isEqualTo(73);
        assertThat(listing.rows()).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo("0b8c1f6e-5b5e-4f7e-9a57-1d3f4a2b9c01");
            assertThat(row.recipient()).isEqualTo("l***@example.com");
            assertThat(row.kind()).isEqualTo("USER_OVERDUE");
            assertThat(row.ticketId()).isEqualTo("T-42");
            assertThat(row.attempts()).isEqualTo(7);
            assertThat(row.resends()).isEqualTo(1);
            assertThat(row.lastError()).isEqualTo("550 5.1.1 <l***@example.com>: user unknown");
            assertThat(row.failingSince()).isEqualTo(Instant.parse("2026-12-02T08:01:00.5Z"));
            assertThat(row.heldUntil()).isNull();
        });
        assertThat(NotifierAnswers.listing(PAGE, "initech").rows()).isEmpty();
    }

    @Test
    void timesWrittenAsEpochSecondsAreReadToo() {
        EmailRow row = NotifierAnswers.one("""
                {"id":"x","source":"acme","heldUntil":1764666000.250000000,"createdAt":"not a time"}""");
        assertThat(row.heldUntil()).isEqualTo(Instant.parse("2025-12-02T09:00:00.250Z"));
        assertThat(row.createdAt()).isNull();
    }

    @Test
    void heldEmailsAreListedInTheOrderTheyWillGo() {
        String page = """
                {"total":3,"items":[
                 {"id":"late","source":"acme","heldUntil":"2026-12-03T09:00:00Z"},
                 {"id":"unknown","source":"acme"},
                 {"id":"soon","source":"acme","heldUntil":"2026-12-02T09:00:00Z"}]}""";
        assertThat(NotifierAnswers.byDeparture(NotifierAnswers.listing(page, "acme").rows()))
                .extracting(EmailRow::id).containsExactly("soon", "late", "unknown");
    }

    @Test
    void aLongErrorIsShortenedAndABlankOneIsNone() {
        String error = NotifierAnswers.shortError("x".repeat(1000));
        assertThat(error).hasSize(NotifierAnswers.MAX_ERROR).endsWith("…");
        assertThat(NotifierAnswers.shortError("  ")).isNull();
        assertThat(NotifierAnswers.shortError(null)).isNull();
    }

    @Test
    void aProblemIsNamedByTheLastPartOfItsType() {
        assertThat(NotifierAnswers.problem("""
                {"type":"https://promesa.dev/problems/not-failed","title":"Only a FAILED notification can be sent \
                again","status":409}""")).contains("not-failed");
        assertThat(NotifierAnswers.problem("<html>Bad gateway</html>")).isEmpty();
        assertThat(NotifierAnswers.problem(null)).isEmpty();
    }

    @Test
    void somethingElseThanNotifiersJsonIsUnreadable() {
        assertThatThrownBy(() -> NotifierAnswers.listing("<html>It works!</html>", "acme"))
                .isInstanceOf(NotifierAnswers.UnreadableAnswer.class);
        assertThatThrownBy(() -> NotifierAnswers.listing("[]", "acme"))
                .isInstanceOf(NotifierAnswers.UnreadableAnswer.class);
    }
}
