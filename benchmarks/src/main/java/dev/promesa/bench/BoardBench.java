package dev.promesa.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Figure 7: the board's Team page for a team with {@code board-promises} open promises (default 10,000) over
 * {@code board-agents} agents, rendered by followup, against the same run's raw JDBC read of the same promises (the
 * page's join of ticket and commitment, every row). Seeds source {@value #SOURCE} straight into followup's tables
 * (tickets due in the future, no due items: nothing fires), signs one of its agents in with a {@code board_session}
 * row as the sign-in writes it, asks for the page {@code board-requests} times one after another after
 * {@code board-warmup} unmeasured requests, and removes the seeded rows at the end.
 */
final class BoardBench {

    static final String SOURCE = "benchboard";
    static final String TEAM = "bench-board";
    private static final int PER_TICKET = 5;
    private static final String PROMISES = """
            select c.id, c.ticket_id, t.subject, t.priority, t.team, t.assignee_email, t.assignee_name, c.kind,
                   c.description, c.promised_to, c.origin, c.quote, c.state, c.made_at, c.due_at
            from ticket t
            join commitment c on c.source = t.source and c.ticket_id = t.id and c.state in ('OPEN', 'SUGGESTED')
            where t.source = ? and t.resolved_at is null and t.team = ?
            order by c.due_at nulls last, c.made_at, c.id""";

    private final Bench.Settings settings;
    private final Results results;

    BoardBench(Bench.Settings settings, Results results) {
        this.settings = settings;
        this.results = results;
    }

    void run() throws Exception {
        int promises = settings.integer("board-promises", 10_000);
        int agents = settings.integer("board-agents", 50);
        int requests = settings.integer("board-requests", 200);
        int warmup = settings.integer("board-warmup", 30);
        String followup = settings.get("followup", "http://127.0.0.1:8082");
        Bench.step("Board: the Team page with " + String.format("%,d", promises) + " open promises over " + agents
                + " agents");
        try (Connection db = DriverManager.getConnection(settings.jdbc("promesa_followup"), settings.dbUser(),
                settings.dbPassword())) {
            clean(db);
            seed(db, promises, agents);
            String cookie = signIn(db, agent(0));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest page = HttpRequest.newBuilder(URI.create(followup + "/board/" + SOURCE + "/team?team=" + TEAM))
                    .header("Cookie", "promesa_board=" + cookie).header("Accept-Language", "es")
                    .timeout(Duration.ofSeconds(30)).build();
            long bytes = 0;
            for (int i = 0; i < warmup; i++) {
                bytes = check(http.send(page, HttpResponse.BodyHandlers.ofString()), promises).length();
            }
            long[] pageUs = new long[requests];
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> answer = http.send(page, HttpResponse.BodyHandlers.ofString());
                pageUs[i] = (System.nanoTime() - t0) / 1000;
                check(answer, promises);
            }
            long[] jdbcUs = new long[requests];
            int rows = 0;
            try (PreparedStatement query = db.prepareStatement(PROMISES)) {
                query.setString(1, SOURCE);
                query.setString(2, TEAM);
                for (int i = 0; i < warmup + requests; i++) {
                    long t0 = System.nanoTime();
                    rows = 0;
                    try (ResultSet row = query.executeQuery()) {
                        while (row.next()) {
                            row.getString(1);
                            row.getTimestamp(15);
                            rows++;
                        }
                    }
                    if (i >= warmup) {
                        jdbcUs[i - warmup] = (System.nanoTime() - t0) / 1000;
                    }
                }
            }
            long pageP95 = p95(pageUs);
            long jdbcP95 = p95(jdbcUs);
            Stats pageStats = Stats.of(pageUs);
            results.put("board.promises", promises);
            results.put("board.agents", agents);
            results.put("board.requests", requests);
            results.put("board.page_bytes", bytes);
            results.put("board.page_ms.p50", pageStats.p50() / 1000.0);
            results.put("board.page_ms.p95", pageP95 / 1000.0);
            results.put("board.page_ms.max", pageStats.max() / 1000.0);
            results.put("board.jdbc_rows", rows);
            results.put("board.jdbc_ms.p50", Stats.of(jdbcUs).p50() / 1000.0);
            results.put("board.jdbc_ms.p95", jdbcP95 / 1000.0);
            results.put("board.ratio", jdbcP95 == 0 ? 0 : (double) pageP95 / jdbcP95);
            Bench.info(String.format("  Team page: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests, %,d bytes)",
                    pageStats.p50() / 1000.0, pageP95 / 1000.0, pageStats.max() / 1000.0, requests, bytes));
            Bench.info(String.format("  raw JDBC, the page's promise query, all %,d rows: p95 %.1f ms; ratio %.1f",
                    rows, jdbcP95 / 1000.0, jdbcP95 == 0 ? 0 : (double) pageP95 / jdbcP95));
            clean(db);
        }
    }

    /** The page must be the real one: 200, the team's name, and its count of open promises. */
    private static String check(HttpResponse<String> answer, int promises) {
        String body = answer.body();
        if (answer.statusCode() != 200 || !body.contains("data-commitment=")) {
            throw new IllegalStateException("The Team page answered " + answer.statusCode() + " without promises; is "
                    + "followup up on the board's address? " + body.substring(0, Math.min(300, body.length())));
        }
        return body;
    }

    private static long p95(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)];
    }

    private static String agent(int i) {
        return "agent-" + i + "@benchboard.example";
    }

    private static void seed(Connection db, int promises, int agents) throws Exception {
        Instant now = Instant.now();
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        int tickets = (promises + PER_TICKET - 1) / PER_TICKET;
        try (PreparedStatement ticket = db.prepareStatement("""
                insert into ticket (source, id, subject, priority, status, channel, assignee_id, assignee_name,
                                    assignee_email, assignee_locale, assignee_time_zone, team, placeholder, created_at,
                                    updated_at)
                values (?, ?, ?, 'P3', 'OPEN', 'EMAIL', ?, ?, ?, 'es-ES', 'Europe/Madrid', ?, false, ?, ?)""");
                PreparedStatement commitment = db.prepareStatement("""
                        insert into commitment (source, id, ticket_id, kind, description, promised_to, made_at,
                                                made_by_event_id, due_at, revision, state, origin)
                        values (?, ?, ?, 'UPDATE', 'Enviarle una actualización', 'USER', ?, ?, ?, 1, 'OPEN',
                                'REQUEST')""")) {
            int made = 0;
            for (int t = 0; t < tickets; t++) {
                int a = t % agents;
                String id = "BB-" + t;
                ticket.setString(1, SOURCE);
                ticket.setString(2, id);
                ticket.setString(3, "Ticket de carga " + t);
                ticket.setString(4, "a-" + a);
                ticket.setString(5, "Agente " + a);
                ticket.setString(6, agent(a));
                ticket.setString(7, TEAM);
                ticket.setTimestamp(8, Timestamp.from(now));
                ticket.setTimestamp(9, Timestamp.from(now));
                ticket.addBatch();
                for (int c = 0; c < PER_TICKET && made < promises; c++, made++) {
                    commitment.setString(1, SOURCE);
                    commitment.setString(2, "BBC-" + made);
                    commitment.setString(3, id);
                    commitment.setTimestamp(4, Timestamp.from(now));
                    commitment.setString(5, "bench-" + made);
                    // spread over the next days: none is due during the run, some are due soon
                    commitment.setTimestamp(6, Timestamp.from(now.plus(Duration.ofMinutes(30 + made % 5000))));
                    commitment.addBatch();
                }
                if (t % 200 == 199) {
                    ticket.executeBatch();
                    commitment.executeBatch();
                }
            }
            ticket.executeBatch();
            commitment.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(auto);
        }
        try (PreparedStatement analyze = db.prepareStatement("analyze ticket; analyze commitment")) {
            analyze.execute();
        }
        Bench.info(String.format("  seeded %,d tickets and %,d open promises in source %s, team %s", tickets,
                promises, SOURCE, TEAM));
    }

    /** A session as followup's sign-in writes it: the cookie's SHA-256 (hex) and a form token. */
    private static String signIn(Connection db, String email) throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(cookie.getBytes(StandardCharsets.UTF_8)));
        Instant now = Instant.now();
        try (PreparedStatement insert = db.prepareStatement("""
                insert into board_session (id_hash, source, email, name, language, csrf_token, signed_in_by,
                                           created_at, last_seen_at, expires_at)
                values (?, ?, ?, null, 'es', ?, 'EMAIL_LINK', ?, ?, ?)""")) {
            insert.setString(1, hash);
            insert.setString(2, SOURCE);
            insert.setString(3, email);
            insert.setString(4, "bench-csrf");
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now.plus(Duration.ofHours(1))));
            insert.executeUpdate();
        }
        return cookie;
    }

    private static void clean(Connection db) throws Exception {
        for (String table : new String[] {"board_session", "commitment", "ticket"}) {
            try (PreparedStatement delete = db.prepareStatement("delete from " + table + " where source = ?")) {
                delete.setString(1, SOURCE);
                delete.executeUpdate();
            }
        }
    }
}
