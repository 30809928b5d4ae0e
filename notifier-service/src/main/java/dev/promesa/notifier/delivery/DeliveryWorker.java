package dev.promesa.notifier.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.promesa.notifier.NotifierConfig;

/**
 * The sender: one dedicated thread that drains due emails one by one, then publishes pending dead letters, then waits
 * for new work (woken right after a consumer commit, or after {@code promesa.delivery.poll-interval} for retries).
 * SMTP never runs on the Kafka consumer's thread, so a slow or failing mail server cannot stall consumption, and a
 * failing recipient only delays itself: its row is not due again until its backoff has passed.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final Deliverer deliverer;
    private final DeadLetters deadLetters;
    private final Duration pollInterval;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    DeliveryWorker(Deliverer deliverer, DeadLetters deadLetters, NotifierConfig config) {
        this.deliverer = deliverer;
        this.deadLetters = deadLetters;
        this.pollInterval = config.delivery().pollInterval();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "notifier-delivery");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Delivery worker started (poll interval %s)", pollInterval);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (thread != null) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsRecorded recorded) {
        wakeUp();
    }

    void wakeUp() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void run() {
        while (running) {
            try {
                Optional<NotificationState> outcome = deliverer.deliverNext();
                if (outcome.isPresent()) {
                    if (outcome.get() == NotificationState.FAILED) {
                        deadLetters.publishPending();
                    }
                    continue;
                }
                deadLetters.publishPending();
                idle(pollInterval);
            } catch (RuntimeException e) {
                // Typically the database is unreachable; nothing is lost (rows stay PENDING), so wait and try again.
                LOG.errorf(e, "Delivery round failed; retrying in %s. Check the database connection.",
                        pollInterval.multipliedBy(10));
                idle(pollInterval.multipliedBy(10));
            }
        }
        LOG.info("Delivery worker stopped");
    }

    private void idle(Duration timeout) {
        try {
            wakeUp.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
