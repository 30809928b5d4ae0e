package dev.promesa.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.promesa.config.NotifierConfig;
import dev.promesa.messaging.Backoff;

/**
 * When a failed email is tried again, and when it is given up: messaging's {@link Backoff} ({@code initial-backoff},
 * ×2, capped at {@code max-backoff}) for {@code retry-for}, counted from the first failed attempt of the current run
 * (a resend starts a new run, and "first failed attempt" is when that attempt started). The first attempt that starts
 * {@code retry-for} or more after it is the last one, however long each attempt hung before it failed. So attempts go
 * on for at least {@code retry-for}, and a server that is back within it gets the email at most one capped backoff
 * (plus one hanging attempt) after it returned. Pure.
 */
public record RetryBudget(Backoff backoff, Duration retryFor) {
    /** {@link #attemptsWhileFailing} lists no more than this (a tiny backoff and a long budget would be millions). */
    static final int LISTED = 10_000;

    public RetryBudget {
        if (backoff.initial().isNegative() || backoff.initial().isZero()
                || backoff.max().compareTo(backoff.initial()) < 0
                || retryFor.isNegative()) {
            throw new IllegalArgumentException("Retry settings need 0 < initial-backoff <= max-backoff and retry-for "
                    + ">= 0; got initial-backoff " + backoff.initial() + ", max-backoff " + backoff.max()
                    + ", retry-for " + retryFor);
        }
    }

    static RetryBudget of(NotifierConfig.Delivery settings) {
        return new RetryBudget(new Backoff(settings.initialBackoff(), settings.maxBackoff()), settings.retryFor());
    }

    /** What to do after a failed attempt. */
    public sealed interface Decision {
    }

    /** Try again at {@code next}. */
    public record RetryAt(Instant next) implements Decision {
    }

    /** The budget is spent: FAILED. */
    public record GiveUp(Duration triedFor) implements Decision {
    }

    /**
     * @param failedAttempts attempts of this run so far, the one that just failed included (1 after the first)
     * @param failingSince when the first failed attempt of this run started; this attempt's start when it is the first
     * @param startedAt when the attempt that failed started
     * @param failedAt when it failed (after the server refused, or after {@code send-timeout} if it hung)
     */
    public Decision afterFailure(int failedAttempts, Instant failingSince, Instant startedAt, Instant failedAt) {
        if (Duration.between(failingSince, startedAt).compareTo(retryFor) >= 0) {
            return new GiveUp(Duration.between(failingSince, failedAt));
        }
        return new RetryAt(failedAt.plus(backoff.after(failedAttempts)));
    }

    /**
     * The attempts an email makes while every one of them fails, taking no time each and each made the moment it is
     * due: the first at {@code first}, the last the one that gives up (at most {@value #LISTED} of them). For docs,
     * tests and the start-up line.
     */
    public List<Instant> attemptsWhileFailing(Instant first) {
        List<Instant> attempts = new ArrayList<>();
        Instant at = first;
        for (int failed = 1; failed <= LISTED; failed++) {
            attempts.add(at);
            if (!(afterFailure(failed, first, at, at) instanceof RetryAt retry)) {
                return attempts;
            }
            at = retry.next();
        }
        return attempts;
    }

    /** The first attempt at or after {@code back} of an email first tried at {@code first}, if the budget reaches it. */
    public Instant firstAttemptFrom(Instant first, Instant back) {
        return attemptsWhileFailing(first).stream().filter(at -> !at.isBefore(back)).findFirst().orElse(null);
    }

    /** "1 s doubling up to 5 min, for 2 h (32 attempts)": the start-up line and the docs say it this way. */
    public String describe() {
        int attempts = attemptsWhileFailing(Instant.EPOCH).size();
        return human(backoff.initial()) + " doubling up to " + human(backoff.max()) + ", for " + human(retryFor) + " ("
                + (attempts < LISTED ? attempts : "over " + LISTED) + " attempts if the server stays away)";
    }

    /** A duration as a person reads it in a log line or an error: 800 ms, 45 s, 1.5 s, 12 min, 2 h, 1 h 30 min. */
    static String human(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (d.compareTo(Duration.ofMinutes(2)) < 0) {
            return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        if (d.compareTo(Duration.ofHours(1)) < 0) {
            return d.toMinutes() + " min";
        }
        long minutes = d.toMinutesPart();
        return d.toHours() + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
}
