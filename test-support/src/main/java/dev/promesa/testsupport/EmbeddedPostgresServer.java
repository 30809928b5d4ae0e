package dev.promesa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the binaries zonky publishes on Maven Central, for a local run on a machine without PostgreSQL.
 * Keeps its data folder across restarts; creates the {@code promesa} role and the services' databases.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
    static final String ROLE = "promesa";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDir, int port, List<String> databases) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .start();
            try (Connection admin = postgres.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE
                        + "') THEN CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE + "'; END IF; END $$;");
                for (String database : databases) {
                    try (ResultSet exists = statement.executeQuery(
                            "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                        if (exists.next()) {
                            continue;
                        }
                    }
                    statement.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
                }
            }
            System.out.printf("[local-stack] PostgreSQL (embedded binaries) ready on 127.0.0.1:%d, data in %s%n", port,
                    dataDir);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL started but the role or databases could not be "
                    + "created: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("[local-stack] PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
