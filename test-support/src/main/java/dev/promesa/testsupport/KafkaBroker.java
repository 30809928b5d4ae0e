package dev.promesa.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;

import dev.promesa.contracts.Topics;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Kafka broker for tests: one per test JVM, KRaft combined mode (broker + controller in one node), started from
 * Apache Kafka's own jars on free loopback ports. {@code KAFKA_BOOTSTRAP_SERVERS} in the environment wins: then that
 * broker is used and nothing is started.
 * <p>
 * The contract topics (and their dead-letter topics) are created up front with {@value #PARTITIONS} partitions.
 * <p>
 * The test JVM's broker also listens with {@code SASL_PLAINTEXT} (mechanism PLAIN, one user): {@link #sasl()} gives
 * its address and the client settings that authenticate to it, so a test can show that a client really uses the
 * {@code security.protocol} / {@code sasl.*} settings it was given. The PLAINTEXT listener stays the one
 * {@link #bootstrapServers()} names, for the tests' own producers and consumers.
 */
public final class KafkaBroker {
    public static final int PARTITIONS = 3;
    /** The SASL/PLAIN user of the test broker's SASL listener. */
    public static final String SASL_USER = "promesa";
    public static final String SASL_PASSWORD = "promesa-test-secret";
    private static final List<String> CONTRACT_TOPICS = List.of(Topics.HELPDESK_EVENTS, Topics.HELPDESK_EVENTS_DLQ,
            Topics.ALERTS, Topics.ALERTS_DLQ);

    private static KafkaBroker shared;

    private final String bootstrapServers;
    private final Optional<SaslListener> sasl;
    private final KafkaConfig config;
    private final Path dataDir;
    private KafkaRaftServer server;
    private KafkaProducer<String, String> producer;

    private KafkaBroker(String bootstrapServers, Optional<SaslListener> sasl, KafkaConfig config, Path dataDir) {
        this.bootstrapServers = bootstrapServers;
        this.sasl = sasl;
        this.config = config;
        this.dataDir = dataDir;
    }

    /**
     * The broker's {@code SASL_PLAINTEXT} listener: where it is, and the client settings (without the
     * {@code kafka.} prefix) that authenticate to it as {@link #SASL_USER}.
     */
    public record SaslListener(String bootstrapServers, String user, String password) {
        public static final String MECHANISM = "PLAIN";

        /** {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} for this user. */
        public Map<String, String> clientSettings() {
            return clientSettings(user, password);
        }

        /** The same settings for another user or password (a wrong password is refused). */
        public static Map<String, String> clientSettings(String user, String password) {
            return Map.of("security.protocol", "SASL_PLAINTEXT",
                    "sasl.mechanism", MECHANISM,
                    "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                            + "username=\"" + user + "\" password=\"" + password + "\";");
        }
    }

    /** The broker of this test JVM, started on first use and stopped (its data deleted) when the JVM exits. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (external != null && !external.isBlank()) {
                shared = new KafkaBroker(external, Optional.empty(), null, null);
            } else {
                try {
                    Path dataDir = Files.createTempDirectory("promesa-kafka-");
                    shared = start(dataDir, FreePorts.next(), FreePorts.next(), OptionalInt.of(FreePorts.next()));
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.shutdown(true), "kafka-cleanup"));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not prepare the Kafka data folder", e);
                }
            }
            shared.createContractTopics();
        }
        return shared;
    }

    /** The PLAINTEXT listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The SASL_PLAINTEXT listener: the test JVM's broker has one; an external broker and the local stack do not. */
    public Optional<SaslListener> sasl() {
        return sasl;
    }

    /** True when the broker came from {@code KAFKA_BOOTSTRAP_SERVERS}; such a broker cannot be stopped by tests. */
    public boolean external() {
        return config == null;
    }

    /** The contract topics and their dead-letter topics, {@value #PARTITIONS} partitions each. */
    public void createContractTopics() {
        createTopics(PARTITIONS, CONTRACT_TOPICS.toArray(String[]::new));
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(int partitions, String... names) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + List.of(names) + " on " + bootstrapServers, e);
        }
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(props);
    }

    /** Sends one record with string headers and waits for the broker's acknowledgement. */
    public synchronized void send(String topic, String key, String value, Map<String, String> headers) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach(
                (name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send a test record to " + topic, e);
        }
    }

    /** Reads what arrives on a topic from now on. */
    public TopicTail tail(String topic) {
        return new TopicTail(bootstrapServers, topic);
    }

    /** Stops the broker (for outage tests); {@link #start()} brings it back on the same port with the same data. */
    public synchronized void stop() {
        requireEmbedded();
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized void start() {
        requireEmbedded();
        if (server == null) {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
        }
    }

    public synchronized boolean running() {
        return external() || server != null;
    }

    private void requireEmbedded() {
        if (external()) {
            throw new IllegalStateException("The broker at " + bootstrapServers
                    + " comes from KAFKA_BOOTSTRAP_SERVERS; tests cannot stop or start it");
        }
    }

    /**
     * Starts a broker in this JVM on the given loopback ports, keeping its data in {@code dataDir} (formatted on first
     * use, reused after). Used by the local stack and the system tests (fixed ports, PLAINTEXT only).
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        return start(dataDir, port, controllerPort, OptionalInt.empty());
    }

    /**
     * As {@link #start(Path, int, int)}, with a {@code SASL_PLAINTEXT} listener (PLAIN, user {@link #SASL_USER}) on
     * {@code saslPort} when one is given. Used by the tests (temporary folder, free ports).
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, OptionalInt saslPort) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            Optional<SaslListener> sasl = saslPort.isPresent()
                    ? Optional.of(new SaslListener("127.0.0.1:" + saslPort.getAsInt(), SASL_USER, SASL_PASSWORD))
                    : Optional.empty();
            String saslListener = sasl.map(l -> ",SASL_PLAINTEXT://" + l.bootstrapServers()).orElse("");
            Map<String, String> props = new LinkedHashMap<>(Map.ofEntries(
                    Map.entry("process.roles", "broker,controller"),
                    Map.entry("node.id", "1"),
                    Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                    Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + saslListener + ",CONTROLLER://127.0.0.1:"
                            + controllerPort),
                    Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + saslListener),
                    Map.entry("controller.listener.names", "CONTROLLER"),
                    Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                            + (sasl.isPresent() ? ",SASL_PLAINTEXT:SASL_PLAINTEXT" : "")),
                    Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                    Map.entry("log.dirs", dataDir.resolve("logs").toString()),
                    Map.entry("num.partitions", String.valueOf(PARTITIONS)),
                    Map.entry("default.replication.factor", "1"),
                    Map.entry("min.insync.replicas", "1"),
                    Map.entry("offsets.topic.replication.factor", "1"),
                    Map.entry("offsets.topic.num.partitions", "3"),
                    Map.entry("transaction.state.log.replication.factor", "1"),
                    Map.entry("transaction.state.log.min.isr", "1"),
                    Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                    Map.entry("share.coordinator.state.topic.min.isr", "1"),
                    Map.entry("group.initial.rebalance.delay.ms", "0"),
                    Map.entry("auto.create.topics.enable", "true")));
            sasl.ifPresent(l -> {
                // The broker's side of SASL/PLAIN: the users it accepts, as user_<name>="<password>".
                props.put("sasl.enabled.mechanisms", SaslListener.MECHANISM);
                props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + l.user() + "=\""
                                + l.password() + "\";");
            });
            format(dataDir, props);
            KafkaBroker broker = new KafkaBroker("127.0.0.1:" + port, sasl, new KafkaConfig(props, false), dataDir);
            broker.start();
            System.out.printf("[test-support] Kafka broker (KRaft, in this JVM) ready on %s%s in %d ms%n",
                    broker.bootstrapServers,
                    sasl.map(l -> " (SASL_PLAINTEXT on " + l.bootstrapServers() + ")").orElse(""),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Kafka data folder " + dataDir, e);
        }
    }

    /** {@code kafka-storage format}: a KRaft log dir must carry a cluster id before the first start. */
    private static void format(Path dataDir, Map<String, String> props) throws IOException {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return; // formatted before: keep its cluster id and data (a restart of the local stack)
        }
        Path configFile = dataDir.resolve("server.properties");
        Files.writeString(configFile, props.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[]{"format", "-t", Uuid.randomUuid().toString(), "-c",
                configFile.toString(), "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("kafka-storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Stops the broker and its test producer; {@code deleteData} removes the data folder too. */
    public void shutdown(boolean deleteData) {
        try {
            if (producer != null) {
                producer.close(Duration.ofSeconds(2));
            }
            stop();
        } catch (RuntimeException e) {
            System.err.println("[test-support] Kafka broker did not stop cleanly: " + e);
        } finally {
            if (deleteData) {
                TestFiles.deleteRecursively(dataDir);
            }
        }
    }
}
