package dev.promesa.followup;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one wall clock of the service (processing time); event times come from the events themselves. */
public class TimeSource {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
