package dev.promesa.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.Topics;

/**
 * Figures 3, 4 and 5: followup ingest ({@link IngestBench}), due → alert → email at several scales, an alert storm.
 * Every row it writes belongs to the sources {@code bench} and {@code benchquiet}, removed at the end.
 */
final class PipelineBench {
    private final Bench.Settings settings;
    private final Results results;
    private final String run;
    private final String prefix;

    PipelineBench(Bench.Settings settings, Results results) {
        this.settings = settings;
        this.results = results;
        this.run = settings.runId();
        this.prefix = "bench-" + run + "-";
    }

    Connection followupDb() throws Exception {
        return DriverManager.getConnection(settings.jdbc("promesa_followup"), settings.dbUser(),
                settings.dbPassword());
    }

    Connection notifierDb() throws Exception {
        return DriverManager.getConnection(settings.jdbc("promesa_notifier"), settings.dbUser(),
                settings.dbPassword());
    }

    void run() throws Exception {
        Set<String> parts = Set.of(settings.get("parts", "ingest,sustained,due,storm").split(","));
        try {
            IngestBench ingest = new IngestBench(settings, results, this);
            if (parts.contains("ingest")) {
                ingest.ingest();
            }
            if (parts.contains("sustained")) {
                ingest.sustained();
            }
            if (parts.contains("due")) {
                due();
            }
            if (parts.contains("storm")) {
                storm();
            }
        } finally {
            cleanUp();
        }
    }

    KafkaProducer<String, String> producer() {
        return Producers.reliable(settings.kafka(), 5);
    }

    Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
        return Admin.create(props);
    }

    static long lag(Admin admin, String group, String topic) {
        try {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> specs = committed.keySet().stream().filter(p -> p.topic().equals(topic))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(specs).all().get();
            long lag = 0;
            for (var e : ends.entrySet()) {
                var c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- 4. due → alert → email

    private int seeded;
    private int tickets;

    /** A pending alert's ticket context as followup stores it (the contracts' Alert.TicketContext as JSON). */
    private static final String TICKET_CONTEXT = """
            json_build_object('subject', t.subject, 'priority', t.priority, 'status', t.status,
                'requester', json_build_object('id', t.requester_id, 'name', t.requester_name,
                    'email', t.requester_email, 'locale', t.requester_locale, 'timeZone', t.requester_time_zone),
                'assignee', json_build_object('id', t.assignee_id, 'name', t.assignee_name,
                    'email', t.assignee_email, 'locale', t.assignee_locale, 'timeZone', t.assignee_time_zone),
                'team', t.team)::text""";
    /** And its commitment context (Alert.CommitmentContext). */
    private static final String COMMITMENT_CONTEXT = """
            json_build_object('commitmentId', c.id, 'kind', c.kind, 'description', c.description,
                'promisedTo', c.promised_to, 'madeAt', to_char(c.made_at at time zone 'UTC',
                    'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'agentWords', c.agent_words, 'origin', c.origin)::text""";

    /**
     * Background open commitments (due tomorrow, 5 pending alerts each, like a real promise to a user), written
     * straight into followup's tables as its ingest would leave them: tickets, commitments and due items with their
     * alert contexts, all of source {@code bench}.
     */
    private void seedTo(int scale) throws Exception {
        if (seeded >= scale) {
            return;
        }
        long start = System.nanoTime();
        int wantTickets = Math.max(1, scale / 10);
        try (Connection db = followupDb(); Statement sql = db.createStatement()) {
            sql.executeUpdate("insert into ticket (source, id, subject, priority, status, channel, requester_id, "
                    + "requester_name, requester_email, requester_locale, requester_time_zone, assignee_id, assignee_name,"
                    + " assignee_email, assignee_locale, assignee_time_zone, team, placeholder, created_at, "
                    + "last_snapshot_at, recurrences, clocks_paused, updated_at) select 'bench', '" + prefix
                    + "t-' || g, 'La VPN no conecta (' || g || ')', 'P3', 'OPEN', 'EMAIL', 'u-' || g, 'Usuario ' || g, "
                    + "'user' || g || '@bench.example', 'es-ES', 'Europe/Madrid', 'a-' || (g % 50), 'Agente ' || (g % 50),"
                    + " 'agent' || (g % 50) || '@bench.example', 'es-ES', 'Europe/Madrid', 'bench', false, now(), now(), "
                    + "0, false, now() from generate_series(" + (tickets + 1) + ", " + wantTickets + ") g");
            tickets = wantTickets;
            Bench.progress("  seeding: tickets " + wantTickets);
            sql.executeUpdate("insert into commitment (source, id, ticket_id, kind, description, promised_to, made_at, "
                    + "made_by_event_id, agent_id, agent_words, due_at, revision, state) select 'bench', '" + prefix
                    + "c-' || g, '" + prefix + "t-' || (1 + g % " + wantTickets
                    + "), 'UPDATE', 'Enviar una actualización sobre la VPN', "
                    + "'USER', now(), '" + prefix + "e-' || g, 'a-1', 'Mañana le escribo con novedades', "
                    + "now() + interval '1 day' + g * interval '100 milliseconds', 1, 'OPEN' from generate_series("
                    + (seeded + 1) + ", " + scale + ") g");
            Bench.progress("  seeding: commitments " + scale);
            sql.executeUpdate("insert into due_item (alert_id, source, ticket_id, kind, level, due_at, commitment_id, "
                    + "subject_due_at, ticket_context, commitment_context) "
                    + "select 'bench:commitment:' || c.id || ':r1:' || k.kind || ':' || k.lvl, 'bench', c.ticket_id, "
                    + "k.kind, k.lvl, c.due_at + k.off, c.id, c.due_at, " + TICKET_CONTEXT + ", " + COMMITMENT_CONTEXT
                    + " from generate_series(" + (seeded + 1) + ", " + scale + ") g "
                    + "join commitment c on c.source = 'bench' and c.id = '" + prefix + "c-' || g "
                    + "join ticket t on t.source = c.source and t.id = c.ticket_id cross join (values "
                    + "('COMMITMENT_DUE_SOON', 0, interval '-15 minutes'), ('COMMITMENT_OVERDUE', 0, interval '0'), "
                    + "('COMMITMENT_OVERDUE_USER', 0, interval '30 minutes'), ('ESCALATED', 1, interval '1 hour'), "
                    + "('ESCALATED', 2, interval '2 hours')) k(kind, lvl, off)");
            sql.execute("analyze due_item");
            sql.execute("analyze commitment");
            seeded = scale;
            long open = count(sql, "select count(*) from commitment where state = 'OPEN'");
            long pending = count(sql, "select count(*) from due_item");
            Bench.progressDone();
            Bench.info(String.format("  seeded to %d bench commitments in %.0f s: %d open commitments, %d pending "
                    + "due items in the database", scale, (System.nanoTime() - start) / 1e9, open, pending));
            results.put("due." + scale + ".open_commitments", open);
            results.put("due." + scale + ".pending_items", pending);
        }
    }

    private KafkaConsumer<String, String> alertTail() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Inserts promises due at the given times (COMMITMENT_OVERDUE pending, with its context), in one transaction. */
    private Map<String, Instant> promisesDue(String tag, List<Instant> dues) throws Exception {
        Map<String, Instant> byAlert = new HashMap<>();
        try (Connection db = followupDb()) {
            db.setAutoCommit(false);
            try (PreparedStatement c = db.prepareStatement("insert into commitment (source, id, ticket_id, kind, "
                    + "description, promised_to, made_at, made_by_event_id, agent_id, agent_words, due_at, revision, "
                    + "state) select 'bench', k.id, k.ticket, 'UPDATE', 'Enviar una actualización sobre la VPN', "
                    + "'USER', now(), k.id || '-e', 'a-1', 'Le escribo en un momento', k.due, 1, 'OPEN' "
                    + "from unnest(?::varchar[], ?::varchar[], ?::timestamptz[]) as k(id, ticket, due)");
                    PreparedStatement d = db.prepareStatement("insert into due_item (alert_id, source, ticket_id, "
                            + "kind, level, due_at, commitment_id, subject_due_at, ticket_context, commitment_context) "
                            + "select 'bench:commitment:' || c.id || ':r1:COMMITMENT_OVERDUE:0', 'bench', c.ticket_id, "
                            + "'COMMITMENT_OVERDUE', 0, c.due_at, c.id, c.due_at, " + TICKET_CONTEXT + ", "
                            + COMMITMENT_CONTEXT + " from commitment c join ticket t on t.source = c.source "
                            + "and t.id = c.ticket_id where c.source = 'bench' and c.id = any(?)")) {
                for (int from = 0; from < dues.size(); from += 5000) {
                    int to = Math.min(dues.size(), from + 5000);
                    String[] ids = new String[to - from];
                    String[] ticketIds = new String[to - from];
                    Timestamp[] times = new Timestamp[to - from];
                    for (int i = from; i < to; i++) {
                        ids[i - from] = prefix + tag + "-" + i;
                        ticketIds[i - from] = prefix + "t-" + (1 + i % Math.max(1, tickets));
                        times[i - from] = Timestamp.from(dues.get(i));
                        byAlert.put("bench:commitment:" + ids[i - from] + ":r1:COMMITMENT_OVERDUE:0", dues.get(i));
                    }
                    c.setArray(1, db.createArrayOf("varchar", ids));
                    c.setArray(2, db.createArrayOf("varchar", ticketIds));
                    c.setArray(3, db.createArrayOf("timestamptz", times));
                    c.executeUpdate();
                    d.setArray(1, db.createArrayOf("varchar", ids));
                    d.executeUpdate();
                }
            }
            db.commit();
        }
        return byAlert;
    }

    /** Delays (ms) from due time to the alert record's timestamp, until every expected alert was seen or time is up. */
    private Map<String, Long> awaitAlerts(KafkaConsumer<String, String> consumer, Map<String, Instant> expected,
            Instant until, String label) {
        Map<String, Long> delays = new HashMap<>();
        long lastPrint = 0;
        while (delays.size() < expected.size() && Instant.now().isBefore(until)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                Header id = record.headers().lastHeader(CloudEvents.HEADER_ID);
                if (id == null) {
                    continue;
                }
                String alertId = new String(id.value(), StandardCharsets.UTF_8);
                Instant due = expected.get(alertId);
                if (due != null) {
                    delays.putIfAbsent(alertId, record.timestamp() - due.toEpochMilli());
                }
            }
            if (System.currentTimeMillis() - lastPrint > 1000) {
                lastPrint = System.currentTimeMillis();
                Bench.progress(String.format("  %s: %d / %d alerts on %s", label, delays.size(), expected.size(),
                        Topics.ALERTS));
            }
        }
        Bench.progressDone();
        return delays;
    }

    /** Delays (ms) from due time to the notification's sent_at (after the SMTP server accepted the message). */
    private Map<String, Long> awaitEmails(Map<String, Instant> expected, Instant until, String label) throws Exception {
        Map<String, Long> delays = new HashMap<>();
        try (Connection db = notifierDb();
                PreparedStatement q = db.prepareStatement("select alert_id, min(sent_at) from notification "
                        + "where source = 'bench' and ticket_id like ? and state = 'SENT' group by alert_id")) {
            q.setString(1, prefix + "%");
            while (true) {
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Instant due = expected.get(rs.getString(1));
                        if (due != null) {
                            delays.put(rs.getString(1),
                                    rs.getTimestamp(2).toInstant().toEpochMilli() - due.toEpochMilli());
                        }
                    }
                }
                Bench.progress(String.format("  %s: %d / %d emails accepted by SMTP", label, delays.size(),
                        expected.size()));
                if (delays.size() >= expected.size() || Instant.now().isAfter(until)) {
                    break;
                }
                Thread.sleep(1000);
            }
        }
        Bench.progressDone();
        return delays;
    }

    private void due() throws Exception {
        List<Integer> scales = new ArrayList<>();
        for (String s : settings.get("scales", "10000,100000").split(",")) {
            scales.add(Integer.parseInt(s.trim()));
        }
        int sample = settings.integer("due-sample", 500);
        int window = settings.integer("due-window-s", 20);
        // a later run of only some scales (e.g. parts=due scales=1000000) adds to the figures already there
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(scales);
        if (results.get("due.scales") != null && !settings.values().containsKey("fresh-scales")) {
            for (String s : results.get("due.scales").split(",")) {
                all.add(Integer.parseInt(s.trim()));
            }
        }
        results.put("due.scales", all.stream().map(String::valueOf).collect(Collectors.joining(",")));
        results.put("due.sample", sample);
        results.put("due.window_s", window);
        Random random = new Random(42);
        if (settings.integer("due-warmup", 200) > 0) {
            // the services' first alerts and emails after a restart are slow (JIT, templates): not part of a figure
            seedTo(Math.min(1000, scales.get(0)));
            Bench.step("4. warm-up: " + settings.integer("due-warmup", 200) + " promises due within 3 s, not counted");
            try (KafkaConsumer<String, String> consumer = alertTail()) {
                Instant first = Instant.now().plusSeconds(3);
                List<Instant> dues = new ArrayList<>();
                for (int i = 0; i < settings.integer("due-warmup", 200); i++) {
                    dues.add(first.plusMillis(random.nextInt(3000)));
                }
                Map<String, Instant> expected = promisesDue("w", dues);
                awaitAlerts(consumer, expected, first.plusSeconds(60), "warm-up");
                awaitEmails(expected, Instant.now().plusSeconds(60), "warm-up");
            }
        }
        for (int scale : scales) {
            Bench.step("4. due → alert → email with " + scale + " open commitments: seeding, then " + sample
                    + " promises due at random moments within " + window + " s");
            seedTo(scale);
            try (KafkaConsumer<String, String> consumer = alertTail()) {
                Instant first = Instant.now().plusSeconds(5);
                List<Instant> dues = new ArrayList<>();
                for (int i = 0; i < sample; i++) {
                    dues.add(first.plusMillis(random.nextInt(window * 1000)));
                }
                Map<String, Instant> expected = promisesDue("d" + scale, dues);
                if (Instant.now().isAfter(first)) {
                    Bench.info("  warning: the sample was stored after the first due time");
                }
                Map<String, Long> alerts = awaitAlerts(consumer, expected,
                        first.plusSeconds(window + 60), "due → alert");
                Stats stats = Stats.of(new ArrayList<>(alerts.values()));
                results.put("due." + scale + ".alert_ms", stats);
                results.put("due." + scale + ".alerts_missing", expected.size() - alerts.size());
                Files.write(results.folder().resolve("due-alert-" + scale + ".txt"),
                        alerts.values().stream().sorted().map(String::valueOf).toList());
                Bench.info(String.format("  due → alert on topic at %d: p50 %d ms, p99 %d ms, max %d ms (%d/%d)",
                        scale, stats.p50(), stats.p99(), stats.max(), stats.count(), expected.size()));
                Map<String, Long> emails = awaitEmails(expected, Instant.now().plusSeconds(120), "due → email");
                Stats mail = Stats.of(new ArrayList<>(emails.values()));
                results.put("due." + scale + ".email_ms", mail);
                Bench.info(String.format("  due → email accepted at %d: p50 %d ms, p99 %d ms, max %d ms (%d/%d)",
                        scale, mail.p50(), mail.p99(), mail.max(), mail.count(), expected.size()));
            }
        }
    }

    // ---------------------------------------------------------------- 5. storm

    private void storm() throws Exception {
        int n = settings.integer("storm", 10_000);
        int timeout = settings.integer("storm-timeout-s", 240);
        Bench.step("5. alert storm: reference first, the SMTP sink's own accept rate");
        double sink = smtpReference(settings.integer("smtp-reference", 5000));
        results.put("storm.smtp_per_s", sink);
        if (tickets == 0) {
            seedTo(settings.integer("storm-seed", 10_000));
        }
        Bench.step("5. alert storm: " + n + " promises due in the same second → every email accepted (bounded at "
                + timeout + " s)");
        try (KafkaConsumer<String, String> consumer = alertTail()) {
            Instant due = Instant.now().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            List<Instant> dues = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                dues.add(due.plusMillis(i % 1000));
            }
            Map<String, Instant> expected = promisesDue("s", dues);
            Map<String, Long> alerts = awaitAlerts(consumer, expected, due.plusSeconds(timeout), "storm");
            Stats a = Stats.of(new ArrayList<>(alerts.values()));
            results.put("storm.n", n);
            results.put("storm.alert_ms", a);
            Bench.info(String.format("  storm: %d/%d alerts on the topic, the last %d ms after its due time",
                    a.count(), n, a.max()));
            Map<String, Long> emails = awaitEmails(expected, due.plusSeconds(timeout), "storm");
            Stats m = Stats.of(new ArrayList<>(emails.values()));
            results.put("storm.email_ms", m);
            results.put("storm.emails", emails.size());
            double rate = emails.size() / Math.max(0.001, m.max() / 1000.0);
            results.put("storm.email_per_s", rate);
            results.put("storm.complete", emails.size() >= n);
            Bench.info(String.format("  storm: %d/%d emails accepted, the last %.1f s after the due second "
                    + "(%.0f emails/s; SMTP sink alone %.0f/s)", emails.size(), n, m.max() / 1000.0, rate, sink));
        }
    }

    /** One SMTP connection, messages of a notifier email's size, sent one after another like a sender thread. */
    private double smtpReference(int count) throws Exception {
        String body = "Hola, Agente 1:\r\n\r\n"
                + "La promesa «Enviar una actualización sobre la VPN» venció. ".repeat(40)
                + "\r\n";
        try (Socket socket = new Socket("127.0.0.1", settings.integer("smtp-port", 1025))) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO bench", "250");
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                command(out, in, "MAIL FROM:<promesa@localhost>", "250");
                command(out, in, "RCPT TO:<" + prefix + "ref" + (i % 50) + "@bench.example>", "250");
                command(out, in, "DATA", "354");
                command(out, in, "From: Promesa <promesa@localhost>\r\nTo: ref@bench.example\r\nSubject: bench "
                        + run + " reference " + i + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body
                        + "\r\n.", "250");
                if (i % 200 == 0) {
                    Bench.progress("  SMTP reference: " + i + " / " + count);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            command(out, in, "QUIT", "221");
            Bench.progressDone();
            Bench.info(String.format("  SMTP sink alone: %d messages in %.1f s on one connection = %.0f/s", count,
                    seconds, count / seconds));
            return count / seconds;
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IllegalStateException("SMTP: expected " + code + ", got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    // ---------------------------------------------------------------- clean up

    private void cleanUp() {
        Bench.step("Removing this run's rows (sources bench and benchquiet) from the followup and notifier databases");
        try (Connection db = followupDb(); Statement sql = db.createStatement()) {
            String sources = " where source in ('bench', 'benchquiet')";
            for (String table : List.of("due_item", "ticket_activity", "interaction", "commitment", "sla_clock",
                    "ticket", "processed_event")) {
                sql.executeUpdate("delete from " + table + sources);
            }
        } catch (Exception e) {
            Bench.info("  could not clean followup's rows: " + e);
        }
        try (Connection db = notifierDb(); Statement sql = db.createStatement()) {
            sql.executeUpdate("delete from notification where source in ('bench', 'benchquiet')");
        } catch (Exception e) {
            Bench.info("  could not clean notifier's rows: " + e);
        }
    }

    static Set<String> set(Array array) throws Exception {
        return new HashSet<>(List.of((String[]) array.getArray()));
    }
}
