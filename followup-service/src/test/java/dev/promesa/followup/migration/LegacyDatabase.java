package dev.promesa.followup.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;

import dev.promesa.testsupport.PostgresDatabase;
import dev.promesa.testsupport.PostgresResource;

/**
 * The module's test database starts life as an old one: migrated to schema version 3 (before sources) and filled with
 * {@code legacy/v3-fixtures.sql}, before Quarkus starts. Quarkus's Flyway then upgrades it as it would a production
 * database, so every test of the module runs on an upgraded database and {@link SourceMigrationTest} checks that the
 * old rows came through.
 */
public class LegacyDatabase extends PostgresResource {

    /** The last schema version before sources. */
    static final String OLD_VERSION = "3";

    private static boolean prepared;

    @Override
    public Map<String, String> start() {
        prepare(PostgresDatabase.shared());
        return super.start();
    }

    private static synchronized void prepare(PostgresDatabase database) {
        if (prepared) {
            return;
        }
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration").target(OLD_VERSION).load().migrate();
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.execute(fixtures());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load legacy/v3-fixtures.sql: " + e.getMessage(), e);
        }
        prepared = true;
    }

    private static String fixtures() {
        try (InputStream in = LegacyDatabase.class.getResourceAsStream("/legacy/v3-fixtures.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
