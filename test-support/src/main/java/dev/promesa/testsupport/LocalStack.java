package dev.promesa.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The parts Promesa needs around it for a local run without Docker, in one JVM: a Kafka broker (KRaft) with the
 * contract topics, and the mail catcher (SMTP + web page). Started by {@code ./promesa up}; data under {@code --data}.
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
                "--kafka-controller-port", "9093", "--smtp-port", "1025", "--mail-web-port", "8025"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                System.err.println("Unknown option " + args[i] + "; known: " + options.keySet());
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        Path data = Path.of(options.get("--data"));
        KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), Integer.parseInt(options.get("--kafka-port")),
                Integer.parseInt(options.get("--kafka-controller-port")));
        kafka.createContractTopics();
        MailCatcher mail = new MailCatcher(Integer.parseInt(options.get("--smtp-port")),
                Integer.parseInt(options.get("--mail-web-port")), data.resolve("mail"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mail.close();
            kafka.shutdown(false);
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.printf("[local-stack] ready: Kafka %s, SMTP 127.0.0.1:%s, mail page http://127.0.0.1:%s/%n",
                kafka.bootstrapServers(), options.get("--smtp-port"), options.get("--mail-web-port"));
        stopped.await();
    }
}
