package dev.promesa.notifier.timeline;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.promesa.config.NotifierConfig;

/**
 * One thread per replica, apart from the email senders, that drains the outbox of sent emails
 * ({@link SentEmailPublisher}) every {@code promesa.delivery.poll-interval}, and at once again while rounds are full.
 * An email never waits for its timeline record, and a broker outage never holds up an email.
 */
@ApplicationScoped
public class SentEmailWorker {
    private static final Logger LOG = Logger.getLogger(SentEmailWorker.class);

    private final SentEmailPublisher publisher;
    private final Duration pollInterval;
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private Thread thread;

    SentEmailWorker(SentEmailPublisher publisher, NotifierConfig config) {
        this.publisher = publisher;
        this.pollInterval = config.delivery().pollInterval();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "notifier-sent-emails");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    private void run() {
        while (running) {
            try {
                int published = publisher.publishPending();
                if (published < SentEmailPublisher.BATCH) {
                    idle(pollInterval);
                }
            } catch (RuntimeException e) {
                // Typically the database is away; the rows stay in the outbox, so wait and go on.
                LOG.errorf(e, "Recording sent emails on their tickets' timelines failed; retrying in %s. Check the "
                        + "database connection.", pollInterval.multipliedBy(10));
                idle(pollInterval.multipliedBy(10));
            }
        }
    }

    private void idle(Duration timeout) {
        synchronized (wakeUp) {
            if (!running) {
                return;
            }
            try {
                wakeUp.wait(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
