package dev.promesa.followup;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock of the service (processing time: the due check's "now", when an alert fired); event times come from
 * the events themselves. A default bean, so the tests can put a clock of their own in its place and move time on
 * instead of waiting for it.
 */
public class TimeSource {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
