package dev.promesa.notifier;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import dev.promesa.testsupport.ShiftableClock;

/**
 * notifier's clock in tests (it replaces {@link Clocks}' wall clock; test-support's {@link ShiftableClock}): the wall
 * clock plus an offset a test moves forward, so an email held until Monday 09:00 can be seen going out then, without
 * waiting.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends ShiftableClock {
}
