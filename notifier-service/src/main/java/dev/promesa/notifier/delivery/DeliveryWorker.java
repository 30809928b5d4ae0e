package dev.promesa.notifier.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.promesa.config.NotifierConfig;

/**
 * The sender: {@code promesa.delivery.workers} dedicated threads that each drain due emails in rounds of
 * {@code promesa.delivery.claim-size} ({@link Deliverer}), then publish pending dead letters, then wait for new work
 * (woken right after the consumer's insert, or after {@code promesa.delivery.poll-interval} for retries). Each thread
 * has one SMTP conversation at a time, on a connection the mailer keeps open for the next email.
 * SMTP never runs on the Kafka consumer's thread, so a slow or failing mail server cannot stall consumption, and a
 * failing recipient only delays itself: its row is not due again until its backoff has passed.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final Deliverer deliverer;
    private final DeadLetters deadLetters;
    private final Duration pollInterval;
    private final int workers;
    private final int claimSize;
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DeliveryWorker(Deliverer deliverer, DeadLetters deadLetters, NotifierConfig config) {
        this.deliverer = deliverer;
        this.deadLetters = deadLetters;
        this.pollInterval = config.delivery().pollInterval();
        this.workers = Math.max(1, config.delivery().workers());
        this.claimSize = config.delivery().claimSize();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 1; i <= workers; i++) {
            // One thread looks for pending dead letters when idle (the others only after a round that failed one),
            // so a larger sender pool does not multiply the idle polling.
            boolean publishesDeadLetters = i == 1;
            Thread thread = new Thread(() -> run(publishesDeadLetters), "notifier-delivery-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        LOG.infof("Delivery started: %d sender thread(s), claims of %d, lease %s, poll interval %s; a failing email "
                + "is retried %s", workers, claimSize, deliverer.lease(), pollInterval, deliverer.retries().describe());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release(threads.size());
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    /** Fired by the notification log once new rows are committed (its insert is one autocommitted statement). */
    void onRecorded(@Observes NotificationsRecorded recorded) {
        wakeUp();
    }

    void wakeUp() {
        // One permit per thread at most: enough to wake every idle sender, never a pile of stale wake-ups.
        if (wakeUp.availablePermits() < workers) {
            wakeUp.release();
        }
    }

    private void run(boolean publishesDeadLetters) {
        while (running) {
            try {
                Deliverer.Round round = deliverer.deliverDue();
                if (round.claimed() > 0) {
                    if (round.failed() > 0) {
                        deadLetters.publishPending();
                    }
                    continue;
                }
                if (publishesDeadLetters) {
                    deadLetters.publishPending();
                }
                idle(pollInterval);
            } catch (RuntimeException e) {
                // Typically the database is unreachable; nothing is lost (rows stay PENDING), so wait and try again.
                LOG.errorf(e, "Delivery round failed; retrying in %s. Check the database connection.",
                        pollInterval.multipliedBy(10));
                idle(pollInterval.multipliedBy(10));
            }
        }
        LOG.infof("%s stopped", Thread.currentThread().getName());
    }

    private void idle(Duration timeout) {
        try {
            wakeUp.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
