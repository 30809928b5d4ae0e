package dev.promesa.followup;

import jakarta.inject.Singleton;

import dev.promesa.testsupport.ShiftableClock;

/**
 * The service's clock in tests (test-support's {@link ShiftableClock}): the wall clock plus an offset a test moves
 * forward, so an alert due in an hour is due now, without waiting; tests take their "now" from {@link #instant()}.
 */
@Singleton
public class TestClock extends ShiftableClock {
}
