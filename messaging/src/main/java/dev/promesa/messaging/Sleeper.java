package dev.promesa.messaging;

import java.time.Duration;

/** Waits between retries; a test passes one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper THREAD = wait -> Thread.sleep(wait.toMillis());

    void sleep(Duration wait) throws InterruptedException;
}
