package dev.promesa.followup.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.promesa.testsupport.PostgresDatabase;

/**
 * How long the upgrade to sources (V4) takes on a database of 100,000 tickets, for docs/followup-service.md; a
 * measurement, not an assertion about speed. Run on demand:
 * {@code ./mvnw verify -pl followup-service -am -Dbenchmark=true -Dtest=SourceMigrationBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Each ticket gets what a typical one has after a few days: 4 interactions,
 * 2 promises (one open), 3 SLA clocks, 5 pending due items and 5 processed events, under two sources.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SourceMigrationBenchmark {

    static final int TICKETS = 100_000;

    @Test
    void upgradeOf100000TicketsToSources() throws Exception {
        PostgresDatabase database = PostgresDatabase.create();
        Flyway old = Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration").target(LegacyDatabase.OLD_VERSION).load();
        old.migrate();
        long fillStart = System.nanoTime();
        try (Connection db = database.connect(); Statement sql = db.createStatement()) {
            sql.execute(FILL.formatted(TICKETS));
            sql.execute("analyze");
        }
        long fillMs = (System.nanoTime() - fillStart) / 1_000_000;

        long start = System.nanoTime();
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration").target("4").load().migrate();
        long migrateMs = (System.nanoTime() - start) / 1_000_000;

        StringBuilder report = new StringBuilder("V4 (sources) on %d tickets: %d ms (fixture written in %d ms)%n"
                .formatted(TICKETS, migrateMs, fillMs));
        try (Connection db = database.connect(); Statement sql = db.createStatement()) {
            for (String table : new String[] {"ticket", "interaction", "commitment", "sla_clock", "due_item",
                    "processed_event"}) {
                try (ResultSet rows = sql.executeQuery("select count(*), count(*) filter (where source is null) "
                        + "from " + table)) {
                    rows.next();
                    report.append("  %-16s %,10d rows%n".formatted(table, rows.getLong(1)));
                    assertThat(rows.getLong(2)).as(table + " rows without a source").isZero();
                }
            }
        }
        Path dir = Path.of("target", "benchmark");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("source-migration.txt"), report.toString());
        System.out.println("=== source-migration.txt\n" + report);
    }

    /** V3-shaped rows with generate_series: %1$d tickets, half of them in each of two sources. */
    private static final String FILL = """
            insert into ticket (id, source, subject, priority, status, channel, requester_id, requester_name,
                                requester_email, assignee_id, assignee_name, assignee_email, team, placeholder,
                                created_at, last_snapshot_at, updated_at)
            select 'T-' || g, case when g %% 2 = 0 then 'acme' else 'globex' end, 'Ticket ' || g, 'P3', 'OPEN',
                   'EMAIL', 'u-' || g, 'User ' || g, 'u' || g || '@example.com', 'a-' || (g %% 50), 'Agent',
                   'agent@example.com', 'service-desk', false, now() - interval '3 days', now(), now()
            from generate_series(1, %1$d) g;
            insert into interaction (event_id, ticket_id, occurred_at, kind, channel, author_id, author_role,
                                     visibility, body)
            select 'e-' || g || '-' || i, 'T-' || g, now() - interval '2 days' + i * interval '1 hour', 'AGENT_REPLY',
                   'EMAIL', 'a-1', 'AGENT', 'PUBLIC', 'Le escribo en una hora con novedades.'
            from generate_series(1, %1$d) g, generate_series(1, 4) i;
            insert into commitment (id, ticket_id, kind, description, promised_to, made_at, made_by_event_id, agent_id,
                                    due_at, revision, state)
            select 'c-' || g || '-' || i, 'T-' || g, 'UPDATE', 'Enviar novedades', 'USER', now() - interval '1 day',
                   'e-' || g || '-' || i, 'a-1', now() + interval '1 day', 1,
                   case when i = 1 then 'KEPT' else 'OPEN' end
            from generate_series(1, %1$d) g, generate_series(1, 2) i;
            insert into sla_clock (id, ticket_id, metric, cycle, policy, hours, target_ms, state, started_at,
                                   segment_started_at, outcome)
            select nextval('sla_clock_id_seq'), 'T-' || g, m, 0, 'default', 'business', 14400000, 'RUNNING',
                   now() - interval '3 days', now() - interval '3 days', 'PENDING'
            from generate_series(1, %1$d) g, unnest(array['FIRST_RESPONSE', 'NEXT_UPDATE', 'RESOLUTION']) m;
            insert into due_item (alert_id, ticket_id, kind, level, due_at, commitment_id)
            select 'commitment:c-' || g || '-2:r1:K' || k || ':0', 'T-' || g, 'COMMITMENT_OVERDUE', 0,
                   now() + interval '1 day' + k * interval '1 minute', 'c-' || g || '-2'
            from generate_series(1, %1$d) g, generate_series(1, 5) k;
            insert into processed_event (event_id, processed_at)
            select 'e-' || g || '-' || i, now() from generate_series(1, %1$d) g, generate_series(1, 4) i;
            insert into processed_event (event_id, processed_at)
            select 'snapshot-' || g, now() from generate_series(1, %1$d) g;
            """;
}
