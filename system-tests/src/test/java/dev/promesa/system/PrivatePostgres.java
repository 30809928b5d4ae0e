package dev.promesa.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of its own (initdb into {@code target/}, a free loopback port, trust auth), so the
 * fault tests can restart it without touching the machine's shared server. As root it runs as the {@code postgres}
 * user through {@code runuser}, the way {@code ./promesa} runs its private cluster (PostgreSQL refuses to run as root).
 */
final class PrivatePostgres implements AutoCloseable {
    private final Path bin;
    private final Path home;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path home, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.home = home;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    static PrivatePostgres start(Path home) {
        Path bin = installedBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Folders.deleteRecursively(home);
            Files.createDirectories(home);
            if (root) {
                UserPrincipal postgres = home.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(home, postgres);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + home + " for a private PostgreSQL", e);
        }
        PrivatePostgres postgres = new PrivatePostgres(bin, home.toAbsolutePath(), ServiceProcess.freePort(), root);
        postgres.run("initdb", "-D", postgres.dataDir(), "-U", "postgres", "--auth=trust", "-E", "UTF8");
        postgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stopImmediately, "private-postgres-stop"));
        return postgres;
    }

    /** {@code /usr/lib/postgresql/<newest>/bin}, where Debian installs the server. */
    private static Path installedBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> versionOf(b.getParent())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("The fault tests restart a PostgreSQL of their own and need the server "
                + "binaries (initdb, pg_ctl) under /usr/lib/postgresql/<version>/bin: apt-get install postgresql");
    }

    private static int versionOf(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void createDatabase(String name) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on the private PostgreSQL", e);
        }
    }

    /** Starts the server and waits until it accepts connections. */
    void start() {
        run("pg_ctl", "-D", dataDir(), "-l", home.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1", "start");
    }

    /** A fast shutdown: open sessions are cut, as clients see when the server restarts. */
    void stop() {
        run("pg_ctl", "-D", dataDir(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    private void stopImmediately() {
        try {
            run("pg_ctl", "-D", dataDir(), "-m", "immediate", "-w", "-t", "20", "stop");
        } catch (RuntimeException e) {
            // already stopped
        }
    }

    private String dataDir() {
        return home.resolve("data").toString();
    }

    private void run(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        try {
            Path output = home.resolve(tool + ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 90 s; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue()
                        + ": " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    @Override
    public void close() {
        stopImmediately();
    }
}
