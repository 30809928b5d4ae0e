package dev.promesa.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.promesa.config.ConfigReference;
import dev.promesa.messaging.Backoff;

/**
 * The retry budget with the defaults the service really has (read from module config's reference, not copied), and the
 * example docs/notifier-service.md gives: a one-hour SMTP outage from 10:00.
 */
class RetryBudgetTest {
    private static final Instant TEN = Instant.parse("2026-12-07T10:00:00Z");
    /** Earlier versions: 8 attempts, with the same backoff. */
    private static final int OLD_MAX_ATTEMPTS = 8;

    private static Duration defaultOf(String key) {
        return Duration.parse(ConfigReference.find(key).orElseThrow().defaultValue().orElseThrow());
    }

    private static RetryBudget defaults() {
        return new RetryBudget(new Backoff(defaultOf("promesa.delivery.initial-backoff"),
                defaultOf("promesa.delivery.max-backoff")), defaultOf("promesa.delivery.retry-for"));
    }

    private static LocalTime clock(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Test
    void theDefaultsAreOneSecondDoublingUpToFiveMinutesForTwoHours() {
        RetryBudget budget = defaults();
        assertThat(budget.backoff()).isEqualTo(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)));
        assertThat(budget.retryFor()).isEqualTo(Duration.ofHours(2));
        assertThat(budget.describe())
                .isEqualTo("1 s doubling up to 5 min, for 2 h (33 attempts if the server stays away)");
    }

    @Test
    void attemptsGoOnForAtLeastTwoHoursNeverMoreThanFiveMinutesApart() {
        List<Instant> attempts = defaults().attemptsWhileFailing(TEN);
        assertThat(attempts).hasSize(33);
        assertThat(Duration.between(TEN, attempts.get(attempts.size() - 1)))
                .isGreaterThanOrEqualTo(Duration.ofHours(2));
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.between(attempts.get(i - 1), attempts.get(i)))
                    .isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        }
    }

    /** The example of the docs, attempt by attempt. */
    @Test
    void aOneHourOutageFromTenIsRiddenOutAndTheEmailArrivesAtThreeMinutesPastEleven() {
        RetryBudget budget = defaults();
        List<LocalTime> attempts = budget.attemptsWhileFailing(TEN).stream().map(RetryBudgetTest::clock).toList();
        assertThat(attempts.subList(0, 12)).extracting(LocalTime::toString).containsExactly("10:00", "10:00:01",
                "10:00:03", "10:00:07", "10:00:15", "10:00:31", "10:01:03", "10:02:07", "10:04:15", "10:08:31",
                "10:13:31", "10:18:31");
        assertThat(clock(budget.firstAttemptFrom(TEN, TEN.plus(Duration.ofHours(1))))).hasToString("11:03:31");
        // Emails first tried later in the outage have their own budget and go within 5 minutes of 11:00 too.
        Instant eleven = TEN.plus(Duration.ofHours(1));
        assertThat(clock(budget.firstAttemptFrom(TEN.plus(Duration.ofMinutes(40)), eleven))).hasToString("11:03:31");
        assertThat(clock(budget.firstAttemptFrom(eleven.minusSeconds(30), eleven))).hasToString("11:00:01");
        for (Instant first = TEN; first.isBefore(eleven); first = first.plusSeconds(17)) {
            assertThat(Duration.between(eleven, budget.firstAttemptFrom(first, eleven)))
                    .isLessThanOrEqualTo(Duration.ofMinutes(5));
        }
        // The last attempt, the one that gives up, comes after 12:00 even for the first email.
        assertThat(attempts.get(attempts.size() - 1)).hasToString("12:03:31");
    }

    @Test
    void theOldEightAttemptsGaveUpTwoMinutesIntoTheSameOutage() {
        RetryBudget budget = defaults();
        List<Instant> attempts = budget.attemptsWhileFailing(TEN);
        Instant oldLast = attempts.get(OLD_MAX_ATTEMPTS - 1);
        assertThat(clock(oldLast)).hasToString("10:02:07");
        assertThat(Duration.between(TEN, oldLast)).isLessThan(Duration.ofMinutes(3));
    }

    @Test
    void theFirstAttemptStartedOnceTheBudgetIsSpentIsTheLast() {
        RetryBudget budget = new RetryBudget(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)),
                Duration.ofSeconds(10));
        assertThat(budget.afterFailure(1, TEN, TEN, TEN)).isEqualTo(new RetryBudget.RetryAt(TEN.plusSeconds(1)));
        assertThat(budget.afterFailure(5, TEN, TEN.plusSeconds(9), TEN.plusSeconds(9)))
                .isEqualTo(new RetryBudget.RetryAt(TEN.plusSeconds(13)));
        assertThat(budget.afterFailure(6, TEN, TEN.plusSeconds(10), TEN.plusSeconds(10)))
                .isEqualTo(new RetryBudget.GiveUp(Duration.ofSeconds(10)));
        // An attempt that started within the budget and hung past its end (send-timeout) earns one more attempt,
        // scheduled from its failure: a server that came back meanwhile still gets the email.
        assertThat(budget.afterFailure(5, TEN, TEN.plusSeconds(9), TEN.plusSeconds(39)))
                .isEqualTo(new RetryBudget.RetryAt(TEN.plusSeconds(43)));
        assertThat(budget.afterFailure(6, TEN, TEN.plusSeconds(43), TEN.plusSeconds(73)))
                .isEqualTo(new RetryBudget.GiveUp(Duration.ofSeconds(73)));
        RetryBudget none = new RetryBudget(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)), Duration.ZERO);
        assertThat(none.afterFailure(1, TEN, TEN, TEN)).isInstanceOf(RetryBudget.GiveUp.class);
        assertThat(none.attemptsWhileFailing(TEN)).containsExactly(TEN);
    }

    @Test
    void aTinyBackoffWithALongBudgetIsListedOnlyInPart() {
        RetryBudget budget = new RetryBudget(new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)),
                Duration.ofDays(365));
        assertThat(budget.attemptsWhileFailing(TEN)).hasSize(RetryBudget.LISTED);
        assertThat(budget.describe()).endsWith("(over 10000 attempts if the server stays away)");
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        Duration second = Duration.ofSeconds(1);
        Duration fiveMinutes = Duration.ofMinutes(5);
        assertThatThrownBy(() -> new RetryBudget(new Backoff(Duration.ZERO, fiveMinutes), Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got initial-backoff PT0S");
        assertThatThrownBy(() -> new RetryBudget(new Backoff(Duration.ofMinutes(10), fiveMinutes), Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-backoff PT5M");
        assertThatThrownBy(() -> new RetryBudget(new Backoff(second, fiveMinutes), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retry-for PT-1H");
    }

    @Test
    void durationsReadAsAPersonWritesThem() {
        assertThat(RetryBudget.human(Duration.ofMillis(800))).isEqualTo("800 ms");
        assertThat(RetryBudget.human(Duration.ofMillis(2700))).isEqualTo("2.7 s");
        assertThat(RetryBudget.human(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(RetryBudget.human(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(RetryBudget.human(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(RetryBudget.human(Duration.ofSeconds(7411))).isEqualTo("2 h 3 min");
    }
}
