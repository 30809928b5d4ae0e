package dev.promesa.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL database for tests, a fresh one per test JVM, dropped when the JVM exits. The server is the first
 * that works of:
 * <ol>
 * <li>{@code PROMESA_TEST_JDBC_URL} (with {@code PROMESA_TEST_JDBC_USER} / {@code PROMESA_TEST_JDBC_PASSWORD}) from the
 * environment;</li>
 * <li>a container (Testcontainers) when a Docker engine answers;</li>
 * <li>the machine's PostgreSQL on 127.0.0.1:5432, started first if it is installed but stopped (as the {@code postgres}
 * user);</li>
 * </ol>
 * and otherwise a clear error saying how to provide one.
 */
public final class PostgresDatabase {
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String LOCAL_ROLE = "promesa_test";
    private static PostgresDatabase shared;
    private static Server server;

    private final String jdbcUrl;
    private final String username;
    private final String password;

    private PostgresDatabase(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** The database of this test JVM, created on first use. */
    public static synchronized PostgresDatabase shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    /** Another fresh database on the same server (e.g. one per service in a system test), dropped at JVM exit. */
    public static synchronized PostgresDatabase create() {
        if (server == null) {
            server = findServer();
        }
        return server.createDatabase("promesa_test_" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** A server we can log in to as a role that may create databases. */
    private record Server(String adminUrl, String username, String password, String origin) {
        PostgresDatabase createDatabase(String name) {
            try (Connection admin = DriverManager.getConnection(adminUrl, username, password);
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the test database " + name + " on " + origin
                        + " as " + username + ": " + e.getMessage() + ". The role needs CREATEDB.", e);
            }
            String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "postgres-test-db-cleanup"));
            System.out.printf("[test-support] PostgreSQL test database %s on %s%n", name, origin);
            return new PostgresDatabase(url, username, password);
        }

        private void drop(String name) {
            try (Connection admin = DriverManager.getConnection(adminUrl, username, password);
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("[test-support] Could not drop test database " + name + ": " + e.getMessage());
            }
        }
    }

    private static Server findServer() {
        String url = System.getenv("PROMESA_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, System.getenv("PROMESA_TEST_JDBC_USER"), System.getenv("PROMESA_TEST_JDBC_PASSWORD"),
                    "PROMESA_TEST_JDBC_URL (" + url + ")");
        }
        if (DockerPostgres.dockerAnswers()) {
            return DockerPostgres.start();
        }
        Server local = localServer();
        if (local != null) {
            return local;
        }
        throw new IllegalStateException(
                """
                        No PostgreSQL for the tests. Provide one of:
                          - PROMESA_TEST_JDBC_URL=jdbc:postgresql://host:5432/postgres (+ PROMESA_TEST_JDBC_USER / PROMESA_TEST_JDBC_PASSWORD),
                            a role allowed to CREATE DATABASE;
                          - a running Docker engine (Testcontainers starts postgres:16-alpine);
                          - a local PostgreSQL on 127.0.0.1:5432 (Debian: apt-get install postgresql; pg_ctlcluster 15 main start).""");
    }

    /** The machine's server on 127.0.0.1:5432: trust auth as postgres, else a password role we create as root. */
    private static Server localServer() {
        if (!canLogIn(LOCAL_URL, "postgres", null) && !canLogIn(LOCAL_URL, LOCAL_ROLE, LOCAL_ROLE)) {
            startInstalledCluster();
            ensureLocalRole();
        }
        if (canLogIn(LOCAL_URL, "postgres", null)) {
            return new Server(LOCAL_URL, "postgres", null, "the machine's PostgreSQL (127.0.0.1:5432)");
        }
        if (canLogIn(LOCAL_URL, LOCAL_ROLE, LOCAL_ROLE)) {
            return new Server(LOCAL_URL, LOCAL_ROLE, LOCAL_ROLE, "the machine's PostgreSQL (127.0.0.1:5432)");
        }
        return null;
    }

    private static boolean canLogIn(String url, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Debian's cluster, installed but stopped: start it as the postgres user (pg_ctlcluster does the switch). */
    private static void startInstalledCluster() {
        Path clusters = Path.of("/etc/postgresql");
        if (!Files.isDirectory(clusters) || !isRoot()) {
            return;
        }
        try (var versions = Files.list(clusters)) {
            for (Path version : versions.toList()) {
                run(List.of("pg_ctlcluster", version.getFileName().toString(), "main", "start"));
            }
        } catch (IOException e) {
            System.err.println("[test-support] Could not list " + clusters + ": " + e.getMessage());
        }
    }

    /** Host connections may require a password (scram): create a login role through the local socket. */
    private static void ensureLocalRole() {
        if (!isRoot()) {
            return;
        }
        String sql = "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + LOCAL_ROLE + "') THEN "
                + "CREATE ROLE " + LOCAL_ROLE + " LOGIN CREATEDB PASSWORD '" + LOCAL_ROLE + "'; END IF; END $$;";
        run(List.of("runuser", "-u", "postgres", "--", "psql", "-v", "ON_ERROR_STOP=1", "-c", sql));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            // Not installed here: the caller falls through to the next option.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kept apart so Testcontainers classes load only when a Docker engine is there. */
    private static final class DockerPostgres {
        static boolean dockerAnswers() {
            boolean socket = Files.exists(Path.of("/var/run/docker.sock"));
            String host = System.getenv("DOCKER_HOST");
            if (!socket && (host == null || host.isBlank())) {
                return false;
            }
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' Ryuk removes it
        static Server start() {
            var container = new org.testcontainers.containers.GenericContainer<>("postgres:16-alpine")
                    .withEnv("POSTGRES_PASSWORD", "promesa")
                    .withExposedPorts(5432)
                    .waitingFor(org.testcontainers.containers.wait.strategy.Wait
                            .forLogMessage(".*database system is ready to accept connections.*\\n", 2));
            container.start();
            String url = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/postgres";
            return new Server(url, "postgres", "promesa", "a Testcontainers PostgreSQL (" + url + ")");
        }
    }
}
