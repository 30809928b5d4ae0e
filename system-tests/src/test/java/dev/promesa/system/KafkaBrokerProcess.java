package dev.promesa.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link KafkaBrokerMain} in a child JVM on fixed loopback ports and a fixed data folder under {@code target/}, so it
 * can be killed with SIGKILL and come back with its data, as a crashed broker does. Log:
 * {@code target/system-test-logs/kafka.log}.
 */
final class KafkaBrokerProcess implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path log;
    private Process process;

    private KafkaBrokerProcess(Path dataDir, int port, int controllerPort, Path log) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = log;
    }

    /** A broker with empty topics: {@code dataDir} is emptied first (an earlier run's records would be replayed). */
    static KafkaBrokerProcess start(Path dataDir) {
        try {
            Folders.deleteRecursively(dataDir);
            Path logs = Files.createDirectories(Path.of("target", "system-test-logs"));
            KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir, ServiceProcess.freePort(),
                    ServiceProcess.freePort(), logs.resolve("kafka.log"));
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again) and waits until it has its topics. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("The Kafka broker still runs (pid " + process.pid() + ")");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                KafkaBrokerMain.class.getName(), dataDir.toAbsolutePath().toString(), String.valueOf(port),
                String.valueOf(controllerPort));
        try {
            long readyLinesBefore = readyLines();
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Process started = process;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).alias("Kafka broker ready")
                    .until(() -> {
                        if (!started.isAlive()) {
                            throw new IllegalStateException("The Kafka broker exited with " + started.exitValue()
                                    + "; see " + log.toAbsolutePath());
                        }
                        return readyLines() > readyLinesBefore;
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker process", e);
        }
    }

    /** SIGKILL: the broker gets no chance to flush or close its logs. */
    synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long readyLines() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith(KafkaBrokerMain.READY_LINE)).count();
        } catch (UncheckedIOException e) {
            return 0; // a half-written line that is not UTF-8 yet
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
