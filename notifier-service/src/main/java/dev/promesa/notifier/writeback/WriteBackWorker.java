package dev.promesa.notifier.writeback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.promesa.config.NotifierConfig;
import dev.promesa.config.SourcesConfig.WriteBack.Desk;
import dev.promesa.contracts.Alert;
import dev.promesa.messaging.Backoff;
import dev.promesa.notifier.alert.AlertReader;
import dev.promesa.notifier.desk.Desks;
import dev.promesa.notifier.recipient.Audience;

/**
 * The write-back writer: one thread per replica, apart from the email senders, that turns sent emails into internal
 * notes in the help desk's ticket. Every {@code promesa.write-back.poll-interval} it
 * <ol>
 * <li>queues a note (one {@code write_back} row, keyed by the notification) for every email of kind
 * {@code COMMITMENT_OVERDUE_USER} or {@code ESCALATED} that the mail server accepted, of a source with write-back
 * configured, sent since its last look (with a margin of {@value #OVERLAP_MINUTES} minutes for commits that became
 * visible late and for replicas' clocks; at start, {@code look-back}: 24 h);</li>
 * <li>writes the due notes one by one, each claimed with a lease ({@code SKIP LOCKED}), each outcome committed at once:
 * {@code WRITTEN} with the desk's note id, or a retry after backoff, or {@code FAILED} after the last attempt or a
 * refusal that would not change.</li>
 * </ol>
 * An email never waits for its note, and a desk that fails never holds up an email: the two only share the table the
 * writer reads. A desk that is down or asks us to slow down (429, {@code Retry-After}) pauses the other notes of its
 * source on this replica until the failed note's next attempt, so one dead desk costs one timeout per backoff, not one
 * per note, and other desks' notes go on.
 * <p>
 * Where the guarantee ends: if the process dies after the desk took a note and before {@code WRITTEN} was committed,
 * the note is written again once its lease ends, as a second, identical note. None of the four APIs offers an
 * idempotency key for notes.
 */
@ApplicationScoped
public class WriteBackWorker {
    private static final Logger LOG = Logger.getLogger(WriteBackWorker.class);
    static final long OVERLAP_MINUTES = 5;
    private static final Duration OVERLAP = Duration.ofMinutes(OVERLAP_MINUTES);

    private final WriteBackLog log;
    private final DeskAccounts accounts;
    private final Desks desks;
    private final AlertReader reader;
    private final NoteRenderer renderer;
    private final WriteBackMetrics metrics;
    private final Clock clock;
    private final NotifierConfig.WriteBack settings;
    private final Backoff backoff;
    private final Map<Desk, DeskApi> apis = new HashMap<>();
    /** Source → until when its notes wait on this replica (its desk is down or asked us to wait). */
    private final Map<String, Instant> paused = new ConcurrentHashMap<>();
    private final AtomicLong sweeps = new AtomicLong();
    private final Semaphore wakeUp = new Semaphore(0);
    private Instant since;
    private volatile boolean running;
    private Thread thread;

    WriteBackWorker(WriteBackLog log, DeskAccounts accounts, Desks desks, AlertReader reader, NoteRenderer renderer,
            WriteBackMetrics metrics, Clock clock, ObjectMapper mapper, NotifierConfig config) {
        this.log = log;
        this.accounts = accounts;
        this.desks = desks;
        this.reader = reader;
        this.renderer = renderer;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = config.writeBack();
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        DeskHttp http = new DeskHttp(mapper, settings.timeout());
        for (Desk desk : Desk.values()) {
            apis.put(desk, DeskApi.of(desk, http));
        }
    }

    /** A note is claimed for at most this long: a Zammad note takes two calls, each bounded by the timeout. */
    Duration lease() {
        return settings.timeout().multipliedBy(4).plusSeconds(30);
    }

    void start(@Observes StartupEvent event) {
        if (accounts.none()) {
            LOG.info("Write-back is off: no source has promesa.sources.<source>.write-back.* set");
            return;
        }
        since = clock.instant().minus(settings.lookBack());
        running = true;
        thread = new Thread(this::run, "notifier-write-back");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Write-back started for %s; poll interval %s, %d attempts, backoff %s up to %s, %s per call",
                accounts.all().values(), settings.pollInterval(), settings.maxAttempts(), settings.initialBackoff(),
                settings.maxBackoff(), settings.timeout());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (thread != null) {
            thread.join(lease().toMillis());
        }
    }

    /** Completed looks for sent emails needing a note; tests wait for one to pass instead of sleeping. */
    public long completedSweeps() {
        return sweeps.get();
    }

    private void run() {
        while (running) {
            try {
                sweep();
                while (running && writeOne()) {
                    // drain what is due
                }
                idle(settings.pollInterval());
            } catch (RuntimeException e) {
                // Typically the database is away; nothing is lost (rows stay where they are), so wait and go on.
                LOG.errorf(e, "Write-back round failed; retrying in %s. Check the database connection.",
                        settings.pollInterval().multipliedBy(10));
                idle(settings.pollInterval().multipliedBy(10));
            }
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        Map<String, String> deskBySource = new HashMap<>();
        accounts.all().forEach((source, account) -> deskBySource.put(source, account.deskName()));
        int queued = log.sweep(deskBySource, since, now);
        since = now.minus(OVERLAP);
        sweeps.incrementAndGet();
        if (queued > 0) {
            LOG.debugf("Queued %d note(s) for the help desks", queued);
        }
    }

    /** @return whether a note was claimed (and so whether another may be due) */
    private boolean writeOne() {
        Instant now = clock.instant();
        paused.values().removeIf(until -> !until.isAfter(now));
        Optional<WriteBackLog.Claimed> claimed = log.claim(now, lease(), List.copyOf(paused.keySet()));
        if (claimed.isEmpty()) {
            return false;
        }
        WriteBackLog.Claimed c = claimed.get();
        Optional<DeskAccount> account = accounts.of(c.source());
        if (account.isEmpty()) {
            fail(c, c.desk(), "write-back is no longer configured for source '" + c.source() + "'");
            return true;
        }
        String note;
        try {
            Alert alert = reader.read(c.alertJson());
            note = renderer.render(alert, desks.of(c.source()), c.recipient(), Audience.valueOf(c.audience()),
                    c.sentAt(), c.emailSubject(), c.notificationId().toString());
        } catch (RuntimeException e) {
            fail(c, account.get().deskName(), "could not write the note's text: " + e);
            return true;
        }
        DeskAccount desk = account.get();
        try {
            String noteId = apis.get(desk.desk()).write(desk, c.ticketId(), note);
            log.written(c.notificationId(), noteId, clock.instant());
            metrics.count(c.source(), desk.deskName(), WriteBackMetrics.WRITTEN);
            LOG.infof("Wrote a note about notification %s (%s) into %s ticket %s of source %s%s",
                    c.notificationId(), c.recipient(), desk.deskName(), c.ticketId(),
                    c.source(), noteId == null ? "" : " (note " + noteId + ")");
        } catch (DeskCallFailure f) {
            onFailure(c, desk, f);
        } catch (RuntimeException e) {
            // Not the desk's answer but our own failure (a bug, or the database after the call): counted as an
            // attempt, so it cannot loop for ever.
            onFailure(c, desk, new DeskCallFailure("unexpected failure: " + e, true, false, Optional.empty()));
        }
        return true;
    }

    private void onFailure(WriteBackLog.Claimed c, DeskAccount desk, DeskCallFailure f) {
        int attempt = c.attempts() + 1;
        String error = f.getMessage();
        if (!f.retryable()) {
            fail(c, desk.deskName(), "refused: " + error);
            return;
        }
        if (attempt >= settings.maxAttempts()) {
            fail(c, desk.deskName(), "gave up after " + attempt + " attempts: " + error);
            return;
        }
        Duration backedOff = backoff.after(attempt);
        Duration wait = f.retryAfter().filter(asked -> asked.compareTo(backedOff) > 0).orElse(backedOff);
        Instant next = clock.instant().plus(wait);
        log.retry(c.notificationId(), next, error);
        if (f.wholeDesk()) {
            paused.merge(c.source(), next, (a, b) -> a.isAfter(b) ? a : b);
        }
        metrics.count(c.source(), desk.deskName(), WriteBackMetrics.RETRIED);
        LOG.warnf("Attempt %d/%d of the note about notification %s into %s ticket %s failed: %s; next attempt at %s"
                + "%s", attempt, settings.maxAttempts(), c.notificationId(),
                desk.deskName(), c.ticketId(), error, next,
                f.wholeDesk() ? " (the source's other notes wait until then)" : "");
    }

    private void fail(WriteBackLog.Claimed c, String desk, String error) {
        log.failed(c.notificationId(), error);
        metrics.count(c.source(), desk, WriteBackMetrics.FAILED);
        LOG.errorf("No note about notification %s in %s ticket %s of source %s: %s. The email itself was sent.",
                c.notificationId(), desk, c.ticketId(), c.source(), error);
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
