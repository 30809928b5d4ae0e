package dev.promesa.followup.duecheck;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.promesa.config.DueCheckConfig;
import dev.promesa.followup.commitment.Commitment;
import dev.promesa.followup.commitment.CommitmentState;

/**
 * The due-check loop on its own thread: claim and publish a batch; while batches come back full, go again at once;
 * otherwise wait {@code promesa.due-check.interval}. A fixed delay (not rate) means a slow round is never overlapped by
 * the next one. Replicas each run one loop; SKIP LOCKED keeps their batches apart.
 */
@ApplicationScoped
public class DueCheckWorker {

    private static final Logger LOG = Logger.getLogger(DueCheckWorker.class);

    private final DueItemClaimer claimer;
    private final DueCheckConfig config;
    private final DueCheckMetrics metrics;
    private ScheduledExecutorService executor;
    private long lastFailureLog;

    DueCheckWorker(DueItemClaimer claimer, DueCheckConfig config, DueCheckMetrics metrics) {
        this.claimer = claimer;
        this.config = config;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        } else {
            LOG.info("Due check disabled (promesa.due-check.enabled=false): this replica raises no alerts");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "due-check");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::round, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::refreshOpenCommitments, 0, config.openCommitmentsRefresh().toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.infof("Due check started: every %s, batches of %d", config.interval(), config.batchSize());
    }

    /** Stops after the round in progress; pending items stay in the database for the next start. */
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(config.publishTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
        LOG.info("Due check stopped");
    }

    public synchronized boolean running() {
        return executor != null;
    }

    private void round() {
        try {
            int claimed;
            do {
                claimed = claimer.claimAndPublish(config.batchSize());
            } while (claimed == config.batchSize() && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            metrics.roundFailed();
            // The batch rolled back and stays due: it is claimed again next round. Log at most every 10 s.
            long now = System.currentTimeMillis();
            if (now - lastFailureLog > 10_000) {
                lastFailureLog = now;
                LOG.errorf("Due check round failed; its items stay pending and are retried every %s. Check Kafka "
                        + "and PostgreSQL connectivity. Cause: %s", config.interval(), e);
            }
        }
    }

    private void refreshOpenCommitments() {
        try {
            metrics.openCommitments(QuarkusTransaction.requiringNew()
                    .call(() -> Commitment.count("state", CommitmentState.OPEN)));
        } catch (RuntimeException e) {
            LOG.debugf("Open commitments gauge not refreshed: %s", e);
        }
    }
}
