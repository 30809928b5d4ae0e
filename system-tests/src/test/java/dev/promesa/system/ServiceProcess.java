package dev.promesa.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Promesa service as its own JVM, started from its packaged jar ({@code target/quarkus-app/quarkus-run.jar}),
 * configured with system properties, logging to {@code target/system-test-logs/<name>.log} (appended across
 * restarts, so a kill and its recovery read as one story).
 */
final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final String module;
    private final Map<String, String> config;
    private final Map<String, String> environment;
    private final Process process;
    private final Path log;

    private ServiceProcess(String module, String name, int port, Map<String, String> config,
            Map<String, String> environment, Process process, Path log) {
        this.module = module;
        this.name = name;
        this.port = port;
        this.config = config;
        this.environment = environment;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String module, String name, Map<String, String> config) {
        return start(module, name, config, Map.of());
    }

    /**
     * {@code environment}: settings given as environment variables, which a service that does not know them ignores
     * (an unknown {@code promesa.*} system property fails its configuration validation instead).
     */
    static ServiceProcess start(String module, String name, Map<String, String> config,
            Map<String, String> environment) {
        return start(module, name, freePort(), Map.copyOf(config), Map.copyOf(environment));
    }

    private static ServiceProcess start(String module, String name, int port, Map<String, String> config,
            Map<String, String> environment) {
        Path root = Path.of(System.getProperty("promesa.root", ".."));
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the whole build (./mvnw verify) so that "
                    + module + " is packaged before the system tests");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Path logs = Files.createDirectories(Path.of("target", "system-test-logs"));
            Path log = logs.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // Every service gets the same API key. As an environment variable, because a service that does not know
            // the key yet ignores it there, while an unknown system property fails its configuration validation.
            builder.environment().put("PROMESA_API_KEYS", ApiKey.SETTING);
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ServiceProcess(module, name, port, config, environment, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** The same service again, same port and configuration, after {@link #kill()}. */
    ServiceProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " still runs (pid " + process.pid() + "); kill it first");
        }
        return start(module, name, port, config, environment);
    }

    boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; last log lines:\n"
                    + tail());
        }
        return readyAnswer() == 200;
    }

    /** The HTTP status of {@code /q/health/ready}, or -1 when nothing answers. */
    int readyAnswer() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(url("/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hooks, no commits, like a crashed pod. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
