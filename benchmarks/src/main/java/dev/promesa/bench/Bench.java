package dev.promesa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import dev.promesa.contracts.Topics;

/**
 * {@code ./promesa bench} runs this in phases against the local stack ({@code ./promesa up}); each phase adds its
 * figures to {@code benchmarks/target/bench/results.properties}, {@code report} writes {@code docs/benchmarks.md}.
 *
 * <pre>
 * java -cp … dev.promesa.bench.Bench intake|skip-backlog|pipeline|recognition|board|report [key=value …]
 * </pre>
 */
public final class Bench {

    /** Every knob has a default; {@code key=value} arguments or {@code -Dbench.key=value} override. */
    public record Settings(Map<String, String> values) {
        String get(String key, String fallback) {
            return values.getOrDefault(key, System.getProperty("bench." + key, fallback));
        }

        int integer(String key, int fallback) {
            return Integer.parseInt(get(key, String.valueOf(fallback)));
        }

        String runId() {
            return get("run", "r" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36));
        }

        String intakeUrl() {
            return get("intake", "http://127.0.0.1:8081");
        }

        String apiKey() {
            return get("api-key", "promesa-dev-key");
        }

        String kafka() {
            return get("kafka", "127.0.0.1:9092");
        }

        String jdbc(String db) {
            return get("jdbc-base", "jdbc:postgresql://127.0.0.1:5432/") + db;
        }

        String dbUser() {
            return get("db-user", "promesa");
        }

        String dbPassword() {
            return get("db-password", "promesa");
        }

        Duration warmup() {
            return Duration.ofSeconds(integer("warmup-s", 10));
        }

        Duration duration() {
            return Duration.ofSeconds(integer("duration-s", 15));
        }

        int concurrency() {
            return integer("concurrency", 32);
        }

        int batchSize() {
            return integer("batch-size", 500);
        }

        int batchConcurrency() {
            return integer("batch-concurrency", 4);
        }

        Path results() {
            return Path.of(get("results", "benchmarks/target/bench/results.properties"));
        }

        Path pids() {
            return Path.of(get("pids", ".promesa/pids"));
        }
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static boolean progressOpen;

    static synchronized void step(String text) {
        progressDone();
        System.out.println("\u001b[1;34m==>\u001b[0m " + LocalTime.now().format(CLOCK) + " " + text);
    }

    static synchronized void info(String text) {
        progressDone();
        System.out.println("    " + text);
    }

    /** A progress line overwritten in place on a terminal, one line per update otherwise. */
    static synchronized void progress(String text) {
        if (System.console() != null) {
            System.out.print("\r\u001b[2K    " + text);
            progressOpen = true;
        } else {
            System.out.println("    " + text);
        }
        System.out.flush();
    }

    static synchronized void progressDone() {
        if (progressOpen) {
            System.out.println();
            progressOpen = false;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Bench intake|skip-backlog|pipeline|report [key=value ...]");
            System.exit(2);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            values.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Settings settings = new Settings(values);
        Results results = new Results(settings.results());
        Rss rss = new Rss(settings.pids(), results);
        switch (args[0]) {
            case "intake" -> {
                rss.start("intake");
                try {
                    new IntakeBench(settings, results).run();
                } finally {
                    rss.stop();
                }
            }
            case "skip-backlog" -> skipBacklog(settings);
            case "pipeline" -> {
                rss.start(settings.get("rss-phase", "pipeline"));
                try {
                    new PipelineBench(settings, results).run();
                } finally {
                    rss.stop();
                }
            }
            case "recognition" -> new RecognitionBench(settings, results).run();
            case "board" -> new BoardBench(settings, results).run();
            case "rss-idle" -> rss.sampleOnce("idle");
            case "smtp-sink" -> SmtpSink.run(settings.integer("sink-port", 2525));
            case "report" -> new Report(settings, results).write();
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
        System.exit(0);
    }

    /**
     * Moves the stopped followup consumer group to the end of helpdesk.events.v1, so the intake benchmark's events are
     * not ingested (they would load the machine during the later measurements). The group must be inactive.
     */
    static void skipBacklog(Settings settings) throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
        try (Admin admin = Admin.create(props)) {
            var partitions = admin.describeTopics(List.of(Topics.HELPDESK_EVENTS)).allTopicNames().get()
                    .get(Topics.HELPDESK_EVENTS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.HELPDESK_EVENTS, p.partition())).toList();
            var ends = admin
                    .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get();
            var committed = admin.listConsumerGroupOffsets("followup").partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            long skipped = 0;
            for (var e : ends.entrySet()) {
                offsets.put(e.getKey(), new OffsetAndMetadata(e.getValue().offset()));
                OffsetAndMetadata before = committed.get(e.getKey());
                skipped += e.getValue().offset() - (before == null ? 0 : before.offset());
            }
            admin.alterConsumerGroupOffsets("followup", offsets).all().get();
            info("followup's consumer group moved to the end of " + Topics.HELPDESK_EVENTS + " ("
                    + skipped + " records skipped)");
        }
    }

    static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
    }
}
