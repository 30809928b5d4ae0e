package dev.promesa.bench;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Topics;

/**
 * Figure 3, followup's ingest: a mix of every kind of event a help desk sends, produced straight to
 * {@code helpdesk.events.v1}, timed from the first record produced to the last one processed; the same mix once for a
 * source that reads agents' words for promises (the default) and once for one that does not
 * ({@code promesa.sources.benchquiet.promises.from-text=off}, set by {@code ./promesa bench}), so the cost of
 * recognition is a ratio of the same run; a raw JDBC batch insert of as many rows as the reference. Figure 3b, a
 * sustained phase: events paced at a fixed rate for minutes, the consumer lag sampled every second.
 */
final class IngestBench {

    /** The sources the events come from: promises read from text, and not. */
    static final String SOURCE = "bench";
    static final String QUIET_SOURCE = "benchquiet";
    /** Events per ticket in the mix, see {@link #ticketEvents}. */
    static final int PER_TICKET = 9;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Bench.Settings settings;
    private final Results results;
    private final PipelineBench pipeline;
    private final String run;

    IngestBench(Bench.Settings settings, Results results, PipelineBench pipeline) {
        this.settings = settings;
        this.results = results;
        this.pipeline = pipeline;
        this.run = settings.runId();
    }

    // ---------------------------------------------------------------- the mix

    /**
     * One ticket's life, nine events: its snapshot; the user's message; a reply with a structured promise; a reply
     * that keeps it and promises again in words ("Le escribo mañana antes de las 12…"); a status change to waiting on
     * the user; the user's answer; a reply with an ACTION promise; an internal note that fulfils it; the ticket
     * resolved, settling what is open. Times start a day ahead, so nothing falls due while the benchmark runs.
     */
    static void ticketEvents(String run, String source, int ticket, Instant start, Consumer<Event> out) {
        String ticketId = "bench-" + run + "-" + source + "-" + ticket;
        String prefix = run + "-" + source + "-" + ticket + "-";
        Instant at = start.plusSeconds(ticket % 3600);
        String agent = "a-" + ticket % 50;
        String user = "u-" + ticket;
        out.accept(snapshot(prefix + "0", ticketId, at, "OPEN", agent, user));
        out.accept(interaction(prefix + "1", ticketId, at.plusSeconds(60), "USER_MESSAGE", "USER", user, "PUBLIC",
                "Buenos días. Sigo sin poder conectarme a la VPN desde casa; el error es el mismo de ayer.", null,
                List.of()));
        out.accept(interaction(prefix + "2", ticketId, at.plusSeconds(120), "AGENT_REPLY", "AGENT", agent, "PUBLIC",
                "Gracias por el detalle. Estoy revisando el certificado de su equipo.",
                commitment("c-" + prefix + "2", "UPDATE", at.plus(Duration.ofHours(26))), List.of()));
        out.accept(interaction(prefix + "3", ticketId, at.plusSeconds(180), "AGENT_REPLY", "AGENT", agent, "PUBLIC",
                "<p>Hola:</p><p>El certificado estaba caducado y ya lo he renovado. Le escribo mañana antes de las 12 "
                        + "con el resultado de la prueba.</p><p>Un saludo,<br>Soporte TI</p>",
                null, List.of()));
        out.accept(snapshot(prefix + "4", ticketId, at.plusSeconds(240), "WAITING_ON_USER", agent, user));
        out.accept(interaction(prefix + "5", ticketId, at.plusSeconds(300), "USER_MESSAGE", "USER", user, "PUBLIC",
                "Ya he reiniciado el portátil como me indicó.", null, List.of()));
        out.accept(interaction(prefix + "6", ticketId, at.plusSeconds(360), "AGENT_REPLY", "AGENT", agent, "PUBLIC",
                "Perfecto, gracias. Queda pendiente cambiar el perfil de la VPN.",
                commitment("c-" + prefix + "6", "ACTION", at.plus(Duration.ofHours(30))), List.of()));
        out.accept(interaction(prefix + "7", ticketId, at.plusSeconds(420), "INTERNAL_NOTE", "AGENT", agent,
                "INTERNAL", "Perfil cambiado en el concentrador.", null, List.of("c-" + prefix + "6")));
        out.accept(snapshot(prefix + "8", ticketId, at.plusSeconds(480), "RESOLVED", agent, user));
    }

    record Event(String eventId, String ticketId, String type, String json) {
    }

    private static Event snapshot(String eventId, String ticketId, Instant at, String status, String agent,
            String user) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("eventId", eventId);
        value.put("ticketId", ticketId);
        value.put("occurredAt", at.toString());
        value.put("subject", "La VPN no conecta desde casa y tengo que entregar un informe");
        value.put("priority", "P3");
        value.put("status", status);
        value.put("channel", "EMAIL");
        value.put("requester", Map.of("id", user, "name", "Lucía Fernández", "email", user + "@bench.example",
                "locale", "es-ES", "timeZone", "Europe/Madrid"));
        value.put("assignee", Map.of("id", agent, "name", "Jorge Ruiz", "email", agent + "@bench.example"));
        value.put("team", "bench");
        return new Event(eventId, ticketId, CloudEvents.TYPE_TICKET, json(value));
    }

    private static Map<String, Object> commitment(String id, String kind, Instant due) {
        return Map.of("commitmentId", id, "kind", kind, "dueAt", due.toString(), "description",
                "Enviar el resultado del diagnóstico", "promisedTo", "USER");
    }

    private static Event interaction(String eventId, String ticketId, Instant at, String kind, String role,
            String author, String visibility, String body, Map<String, Object> commitment, List<String> fulfils) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("eventId", eventId);
        value.put("ticketId", ticketId);
        value.put("occurredAt", at.toString());
        value.put("kind", kind);
        value.put("channel", "EMAIL");
        value.put("author", Map.of("id", author, "role", role));
        value.put("visibility", visibility);
        value.put("body", body);
        if (commitment != null) {
            value.put("commitment", commitment);
        }
        value.put("fulfils", fulfils);
        return new Event(eventId, ticketId, CloudEvents.TYPE_INTERACTION, json(value));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProducerRecord<String, String> record(String source, Event event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.HELPDESK_EVENTS,
                source + "/" + event.ticketId(), event.json());
        IntakeBench.add(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        IntakeBench.add(record, CloudEvents.HEADER_ID, event.eventId());
        IntakeBench.add(record, CloudEvents.HEADER_TYPE, event.type());
        IntakeBench.add(record, CloudEvents.HEADER_SOURCE, source);
        IntakeBench.add(record, CloudEvents.HEADER_TIME, Instant.now().toString());
        IntakeBench.add(record, CloudEvents.HEADER_SUBJECT, event.ticketId());
        IntakeBench.add(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        return record;
    }

    // ---------------------------------------------------------------- 3. ingest rate

    void ingest() throws Exception {
        int n = settings.integer("ingest-events", 54_000);
        int ticketCount = Math.max(1, n / PER_TICKET);
        long timeout = settings.integer("ingest-timeout-s", 300);
        Bench.step("3. followup ingest: " + ticketCount * PER_TICKET + " events (" + ticketCount + " tickets × "
                + PER_TICKET + ": snapshots, replies, structured and written promises, fulfilments, status changes)"
                + " per source, produced straight to " + Topics.HELPDESK_EVENTS + "; bounded at " + timeout + " s");
        int warmup = Math.max(1, settings.integer("ingest-warmup", 1_800) / PER_TICKET);
        Bench.info("  warm-up, not counted: " + warmup * PER_TICKET + " events per source");
        ingest(SOURCE, warmup, timeout, "warm-up", run + "w");
        ingest(QUIET_SOURCE, warmup, timeout, "warm-up", run + "w");
        // two rounds, in the order A B B A, so that neither source gains from going second (a warmer JIT, a fuller
        // table)
        int half = Math.max(1, ticketCount / 2);
        Measured withText = ingest(SOURCE, half, timeout, "promises read from text, round 1", run + "a");
        Measured without = ingest(QUIET_SOURCE, half, timeout, "no text read, round 1", run + "a");
        without = without.plus(ingest(QUIET_SOURCE, ticketCount - half, timeout, "no text read, round 2", run + "b"));
        withText = withText.plus(ingest(SOURCE, ticketCount - half, timeout, "promises read from text, round 2",
                run + "b"));
        results.put("ingest.events", withText.events());
        results.put("ingest.tickets", ticketCount);
        results.put("ingest.done", withText.done());
        results.put("ingest.seconds", withText.seconds());
        results.put("ingest.per_s", withText.rate());
        results.put("ingest.max_lag", withText.maxLag());
        results.put("ingest.complete", withText.done() >= withText.events());
        results.put("ingest.text_promises", withText.textPromises());
        results.put("ingest.no_text.per_s", without.rate());
        results.put("ingest.no_text.complete", without.done() >= without.events());
        results.put("ingest.recognition_ratio", withText.rate() / without.rate());
        Bench.info(String.format("  recognition on vs off: %.0f vs %.0f events/s, ratio %.2f (%d promises found in "
                + "text)", withText.rate(), without.rate(), withText.rate() / without.rate(), withText.textPromises()));
        double ref = jdbcReference(ticketCount * PER_TICKET);
        results.put("ingest.jdbc_per_s", ref);
        results.put("ingest.ratio", withText.rate() / ref);
        Bench.info(String.format("  raw JDBC batch insert of as many rows: %.0f rows/s; ratio %.3f", ref,
                withText.rate() / ref));
    }

    record Measured(int events, long done, double seconds, long maxLag, long textPromises) {
        double rate() {
            return done / seconds;
        }

        Measured plus(Measured other) {
            return new Measured(events + other.events, done + other.done, seconds + other.seconds,
                    Math.max(maxLag, other.maxLag), textPromises + other.textPromises);
        }
    }

    /**
     * One source's share of the mix, ids tagged {@code tag} (the run, or a warm-up's), timed to its last event: done
     * when the last event produced to each partition is marked processed (followup applies a partition in order and
     * marks an event in the transaction that applies it), asked every 20 ms with one primary-key lookup per
     * partition. The group's committed offsets are not precise enough for this: they move only when the consumer
     * commits, every few seconds, which made a 5 s round read as 10 s.
     */
    private Measured ingest(String source, int ticketCount, long timeout, String label, String tag)
            throws Exception {
        int n = ticketCount * PER_TICKET;
        Instant start = Instant.now().plus(Duration.ofDays(1));
        long before = processed(source);
        Map<Integer, String> lastPerPartition = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = pipeline.producer()) {
            for (int t = 0; t < ticketCount; t++) {
                ticketEvents(tag, source, t, start, e -> producer.send(record(source, e), (metadata, failure) -> {
                    if (failure == null) {
                        // callbacks of one partition run in the order of its records: the last one stays
                        lastPerPartition.put(metadata.partition(), e.eventId());
                    }
                }));
            }
            producer.flush();
        }
        Bench.info(String.format("  %s: produced %d events in %.1f s", source, n, (System.nanoTime() - t0) / 1e9));
        long maxLag = 0;
        long lastShown = 0;
        boolean done = false;
        try (Admin admin = pipeline.admin(); Connection db = pipeline.followupDb();
                PreparedStatement marked = db.prepareStatement("select count(*) from processed_event "
                        + "where source = ? and event_id = any(?)")) {
            marked.setString(1, source);
            marked.setArray(2, db.createArrayOf("text", lastPerPartition.values().toArray()));
            while (!done && (System.nanoTime() - t0) / 1e9 < timeout) {
                Thread.sleep(20);
                try (var rows = marked.executeQuery()) {
                    rows.next();
                    done = rows.getLong(1) == lastPerPartition.size();
                }
                if (!done && System.nanoTime() - lastShown > 1_000_000_000L) {
                    lastShown = System.nanoTime();
                    long lag = PipelineBench.lag(admin, "followup", Topics.HELPDESK_EVENTS);
                    maxLag = Math.max(maxLag, lag);
                    Bench.progress(String.format("  %s: consumer lag %d (committed offsets)", source, lag));
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long processed = processed(source) - before;
        Bench.progressDone();
        long textPromises;
        try (Connection db = pipeline.followupDb(); Statement sql = db.createStatement()) {
            textPromises = PipelineBench.count(sql, "select count(*) from commitment where source = '" + source
                    + "' and origin = 'TEXT' and ticket_id like 'bench-" + tag + "-%'");
        }
        Bench.info(String.format("  followup ingest, %s: %d events in %.1f s = %.0f events/s%s", label, processed,
                seconds, processed / seconds, processed >= n ? "" : " (stopped at the time bound, not all ingested)"));
        return new Measured(n, processed, seconds, maxLag, textPromises);
    }

    private long processed(String source) throws Exception {
        try (Connection db = pipeline.followupDb(); Statement sql = db.createStatement()) {
            return PipelineBench.count(sql, "select count(*) from processed_event where source = '" + source + "'");
        }
    }

    /** Interaction + processed_event rows, batches of 500, a commit per batch, into scratch copies of the tables. */
    private double jdbcReference(int n) throws Exception {
        try (Connection db = pipeline.followupDb(); Statement sql = db.createStatement()) {
            sql.execute("drop table if exists bench_ref_interaction, bench_ref_processed");
            sql.execute("create table bench_ref_interaction (like interaction including defaults including indexes)");
            sql.execute("create table bench_ref_processed (like processed_event including indexes)");
            db.setAutoCommit(false);
            Instant at = Instant.now();
            long start = System.nanoTime();
            try (PreparedStatement row = db.prepareStatement("insert into bench_ref_interaction (source, event_id, "
                    + "ticket_id, occurred_at, kind, channel, author_id, author_role, visibility, body) "
                    + "values ('bench', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement processed = db.prepareStatement("insert into bench_ref_processed "
                            + "(source, event_id, processed_at) values ('bench', ?, now()) on conflict do nothing")) {
                for (int i = 0; i < n; i++) {
                    String id = run + "-ref-" + i;
                    row.setString(1, id);
                    row.setString(2, "bench-" + run + "-ref-" + i / PER_TICKET);
                    row.setTimestamp(3, Timestamp.from(at));
                    row.setString(4, "USER_MESSAGE");
                    row.setString(5, "EMAIL");
                    row.setString(6, "u-1");
                    row.setString(7, "USER");
                    row.setString(8, "PUBLIC");
                    row.setString(9,
                            "Buenos días. Sigo sin poder conectarme a la VPN desde casa; el error es el mismo.");
                    row.addBatch();
                    processed.setString(1, id);
                    processed.addBatch();
                    if ((i + 1) % 500 == 0 || i == n - 1) {
                        row.executeBatch();
                        processed.executeBatch();
                        db.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            db.setAutoCommit(true);
            sql.execute("drop table bench_ref_interaction, bench_ref_processed");
            return n / seconds;
        }
    }

    // ---------------------------------------------------------------- 3b. sustained

    /**
     * The mix paced at {@code sustained-rate} events/s for {@code sustained-s} seconds (ticket by ticket, in slices of
     * 100 ms), the consumer lag sampled every second. Flat: the lag of the last minute no higher than that of the
     * first, and never more than two seconds of traffic behind.
     */
    void sustained() throws Exception {
        int rate = settings.integer("sustained-rate", 2_000);
        int seconds = settings.integer("sustained-s", 300);
        Bench.step("3b. sustained ingest: " + rate + " events/s for " + seconds + " s, consumer lag every second");
        Instant start = Instant.now().plus(Duration.ofDays(2));
        List<Long> lags = new ArrayList<>();
        long before = processed(SOURCE);
        int produced = 0;
        int ticket = 2_000_000;
        long t0 = System.nanoTime();
        long nextSample = t0;
        try (KafkaProducer<String, String> producer = pipeline.producer(); Admin admin = pipeline.admin()) {
            while (System.nanoTime() - t0 < seconds * 1_000_000_000L) {
                long sliceStart = System.nanoTime();
                long due = (long) ((sliceStart - t0) / 1e9 * rate);
                while (produced < due) {
                    int t = ticket++;
                    int[] count = {0};
                    ticketEvents(run, SOURCE, t, start, e -> {
                        producer.send(record(SOURCE, e));
                        count[0]++;
                    });
                    produced += count[0];
                }
                if (sliceStart >= nextSample) {
                    long lag = PipelineBench.lag(admin, "followup", Topics.HELPDESK_EVENTS);
                    lags.add(lag);
                    nextSample += 1_000_000_000L;
                    Bench.progress(String.format("  %3d s: %d events produced, consumer lag %d", lags.size(), produced,
                            lag));
                }
                long sleep = 100 - (System.nanoTime() - sliceStart) / 1_000_000;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
            producer.flush();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Bench.progressDone();
        // what is left once the producer stops: the backlog drains
        long drainStart = System.nanoTime();
        long done = processed(SOURCE) - before;
        while (done < produced && (System.nanoTime() - drainStart) / 1e9 < 120) {
            Thread.sleep(250);
            done = processed(SOURCE) - before;
        }
        double drain = (System.nanoTime() - drainStart) / 1e9;
        int minute = Math.min(60, Math.max(1, lags.size() / 3));
        double firstMinute = lags.subList(0, minute).stream().mapToLong(Long::longValue).average().orElse(0);
        double lastMinute = lags.subList(lags.size() - minute, lags.size()).stream().mapToLong(Long::longValue)
                .average().orElse(0);
        long maxLag = lags.stream().mapToLong(Long::longValue).max().orElse(0);
        Files.write(results.folder().resolve("sustained-lag.txt"), lags.stream().map(String::valueOf).toList());
        results.put("sustained.rate", rate);
        results.put("sustained.seconds", elapsed);
        results.put("sustained.produced", produced);
        results.put("sustained.produced_per_s", produced / elapsed);
        results.put("sustained.done", done);
        results.put("sustained.drain_s", drain);
        results.put("sustained.lag_max", maxLag);
        results.put("sustained.lag_first_minute", firstMinute);
        results.put("sustained.lag_last_minute", lastMinute);
        // The lag comes from the group's committed offsets, which followup's consumer commits every 5 s (SmallRye's
        // throttled commit, auto.commit.interval.ms): up to 5 s of traffic shows as lag without being a backlog.
        // Flat: the last minute no higher than the first (or half a second of traffic), never more than the commit
        // interval plus two seconds behind, and nothing left a few seconds after the producer stops.
        results.put("sustained.flat", lastMinute <= Math.max(firstMinute, rate / 2.0) && maxLag <= 7L * rate
                && drain <= 7);
        Bench.info(String.format("  sustained: %d events in %.0f s (%.0f/s); lag mean %.0f in the first minute, %.0f "
                + "in the last, max %d; all %d processed %.1f s after the producer stopped", produced, elapsed,
                produced / elapsed, firstMinute, lastMinute, maxLag, done, drain));
    }
}
