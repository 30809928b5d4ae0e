package dev.promesa.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Topics;

/** Figures 1 and 2: intake single-event and batch POSTs, each against its reference. */
final class IntakeBench {
    private final Bench.Settings settings;
    private final Results results;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    IntakeBench(Bench.Settings settings, Results results) {
        this.settings = settings;
        this.results = results;
    }

    static String ticketJson(String eventId, String ticketId, Instant at) {
        return "{\"eventId\":\"" + eventId + "\",\"ticketId\":\"" + ticketId + "\",\"occurredAt\":\"" + at
                + "\",\"subject\":\"La VPN no conecta desde casa y tengo que entregar un informe\","
                + "\"priority\":\"P3\",\"status\":\"OPEN\",\"channel\":\"EMAIL\","
                + "\"requester\":{\"id\":\"u-1\",\"name\":\"Lucía Fernández\",\"email\":\"lucia@example.com\","
                + "\"locale\":\"es-ES\",\"timeZone\":\"Europe/Madrid\"},"
                + "\"assignee\":{\"id\":\"a-1\",\"name\":\"Jorge Ruiz\",\"email\":\"jorge@example.com\"},"
                + "\"team\":\"bench\"}";
    }

    void run() throws Exception {
        String run = settings.runId();
        Duration warm = settings.warmup();
        Duration measure = settings.duration();
        int c = settings.concurrency();
        String echo = settings.intakeUrl() + "/api/v1/bench/echo/tickets";
        String real = settings.intakeUrl() + "/api/v1/tickets";
        HttpResponse<String> probe = post(echo, ticketJson("probe-" + UUID.randomUUID(), "probe", Instant.now()));
        if (probe.statusCode() != 202) {
            throw new IllegalStateException("The echo endpoint answered " + probe.statusCode()
                    + ": start intake with PROMESA_BENCH_ECHO_ENDPOINT=true (./promesa bench does)");
        }
        Bench.step("1. intake single-event POST: " + c + " concurrent clients, " + warm.toSeconds() + " s warm-up, "
                + measure.toSeconds() + " s measured per endpoint");
        load("echo warm-up", echo, run + "-w", c, warm);
        load("real warm-up", real, run + "-w", c, warm);
        Load echoLoad = load("echo (reference)", echo, run + "-e", c, measure);
        Load realLoad = load("POST /tickets", real, run + "-s", c, measure);
        record("intake.single.echo", echoLoad);
        record("intake.single.real", realLoad);
        results.put("intake.single.concurrency", c);
        results.put("intake.single.ratio", realLoad.perSecond() / echoLoad.perSecond());
        Bench.info(String.format("single: %.0f/s vs echo %.0f/s = %.2f; p50 %.1f vs %.1f ms; p99 %.1f vs %.1f ms",
                realLoad.perSecond(), echoLoad.perSecond(), realLoad.perSecond() / echoLoad.perSecond(),
                realLoad.stats().p50() / 1e3, echoLoad.stats().p50() / 1e3, realLoad.stats().p99() / 1e3,
                echoLoad.stats().p99() / 1e3));

        int size = settings.batchSize();
        int bc = settings.batchConcurrency();
        Bench.step("2. intake batch POST /events: batches of " + size + ", " + bc + " concurrent clients, "
                + measure.toSeconds() + " s; then a raw KafkaProducer with the same payloads");
        Load batch = batchLoad(run, size, bc, warm, measure);
        double batchEvents = batch.perSecond() * size;
        results.put("intake.batch.size", size);
        results.put("intake.batch.concurrency", bc);
        results.put("intake.batch.events_per_s", batchEvents);
        results.put("intake.batch.requests", batch.requests());
        results.put("intake.batch.errors", batch.errors());
        results.put("intake.batch.latency", batch.stats());
        long rawCount = Math.max(50_000, Math.min(300_000, batch.requests() * size));
        double raw = rawProducer(run, rawCount);
        results.put("intake.batch.raw_events_per_s", raw);
        results.put("intake.batch.raw_count", rawCount);
        results.put("intake.batch.ratio", batchEvents / raw);
        Bench.info(String.format("batch: %.0f events/s vs raw producer %.0f events/s = %.2f", batchEvents, raw,
                batchEvents / raw));
    }

    private void record(String prefix, Load load) {
        results.put(prefix + ".per_s", load.perSecond());
        results.put(prefix + ".requests", load.requests());
        results.put(prefix + ".errors", load.errors());
        results.put(prefix + ".us", load.stats());
    }

    HttpResponse<String> post(String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Api-Key", settings.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    record Load(long requests, long errors, double seconds, Stats stats) {
        double perSecond() {
            return requests / seconds;
        }
    }

    interface Body {
        String next(int thread, long i);
    }

    /** c threads POST in a loop until the time is up; latencies in microseconds. */
    Load load(String name, String url, String idPrefix, int c, Duration time) throws Exception {
        return drive(name, url, c, time, (t, i) -> {
            String id = idPrefix + "-" + t + "-" + i;
            return ticketJson(id, "bench-" + idPrefix + "-" + t + "-" + (i % 50), Instant.now());
        }, 1);
    }

    Load drive(String name, String url, int c, Duration time, Body body, int eventsPerRequest) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        long end = System.nanoTime() + time.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < c; t++) {
            long[] lat = new long[2_000_000 / c + 16];
            int[] n = new int[1];
            latencies.add(lat);
            counts.add(n);
            int thread = t;
            Thread worker = new Thread(() -> {
                long i = 0;
                while (System.nanoTime() < end) {
                    String payload = body.next(thread, i++);
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> response = post(url, payload);
                        long us = (System.nanoTime() - s) / 1000;
                        if (response.statusCode() == 202) {
                            ok.incrementAndGet();
                            if (n[0] < lat.length) {
                                lat[n[0]++] = us;
                            }
                        } else {
                            if (errors.incrementAndGet() < 3) {
                                Bench.info("  " + name + ": HTTP " + response.statusCode() + " " + response.body());
                            }
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() < 3) {
                            Bench.info("  " + name + ": " + e);
                        }
                    }
                }
            }, "load-" + t);
            worker.start();
            threads.add(worker);
        }
        long lastOk = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(1000);
            long now = ok.get();
            Bench.progress(String.format("  %-18s %6.0f req/s  (%d ok, %d errors)", name, (double) (now - lastOk),
                    now, errors.get()));
            lastOk = now;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(a -> a[0]).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < c; t++) {
            System.arraycopy(latencies.get(t), 0, all, k, counts.get(t)[0]);
            k += counts.get(t)[0];
        }
        Bench.progressDone();
        Load load = new Load(ok.get(), errors.get(), seconds, Stats.of(all));
        Bench.info(String.format("  %-18s %8.0f req/s (%d events each), p50 %.1f ms, p99 %.1f ms, errors %d", name,
                load.perSecond(), eventsPerRequest, load.stats().p50() / 1e3, load.stats().p99() / 1e3,
                errors.get()));
        return load;
    }

    private Load batchLoad(String run, int size, int c, Duration warm, Duration time) throws Exception {
        String url = settings.intakeUrl() + "/api/v1/events";
        Body body = (t, i) -> {
            StringBuilder json = new StringBuilder(size * 600).append("{\"events\":[");
            Instant now = Instant.now();
            for (int e = 0; e < size; e++) {
                if (e > 0) {
                    json.append(',');
                }
                String ticket = ticketJson(run + "-b-" + t + "-" + i + "-" + e, "bench-" + run + "-b-" + (e % 200),
                        now);
                json.append("{\"type\":\"ticket\",").append(ticket, 1, ticket.length());
            }
            return json.append("]}").toString();
        };
        drive("batch warm-up", url, c, warm, body, size);
        return drive("POST /events", url, c, time, body, size);
    }

    /** Kafka's own producer, same settings as intake's (acks=all, idempotent, linger 2 ms, lz4), flat out. */
    private double rawProducer(String run, long count) throws Exception {
        try (KafkaProducer<String, String> producer = Producers.reliable(settings.kafka(), 2)) {
            // warm-up: metadata, connections, JIT
            send(producer, run + "-rw", 20_000);
            producer.flush();
            long start = System.nanoTime();
            Thread progress = new Thread(() -> {
            });
            send(producer, run + "-r", count);
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.interrupt();
            double rate = count / seconds;
            Bench.info(String.format("  raw KafkaProducer  %8.0f events/s (%d events in %.1f s)", rate, count,
                    seconds));
            return rate;
        }
    }

    private void send(KafkaProducer<String, String> producer, String prefix, long count) throws Exception {
        Instant now = Instant.now();
        Future<?> last = null;
        for (long i = 0; i < count; i++) {
            String ticketId = "bench-" + prefix + "-" + (i % 200);
            String id = prefix + "-" + i;
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.HELPDESK_EVENTS, ticketId,
                    ticketJson(id, ticketId, now));
            add(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
            add(record, CloudEvents.HEADER_ID, id);
            add(record, CloudEvents.HEADER_TYPE, CloudEvents.TYPE_TICKET);
            add(record, CloudEvents.HEADER_SOURCE, "bench");
            add(record, CloudEvents.HEADER_TIME, now.toString());
            add(record, CloudEvents.HEADER_SUBJECT, ticketId);
            add(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
            last = producer.send(record);
            if (i > 0 && i % 50_000 == 0) {
                Bench.progress("  raw KafkaProducer  " + i + " / " + count + " sent");
            }
        }
        if (last != null) {
            last.get();
        }
        Bench.progressDone();
    }

    static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
