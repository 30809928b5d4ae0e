package dev.promesa.system;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import dev.promesa.testsupport.KafkaBroker;

/**
 * A Kafka broker (KRaft, from test-support) as its own process, so the fault tests can {@code kill -9} it and start it
 * again on the same ports and data folder. Arguments: data folder, broker port, controller port.
 */
public final class KafkaBrokerMain {
    static final String READY_LINE = "promesa-kafka-broker-ready";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        broker.createContractTopics(); // no-op after a restart: the topics are in the data folder
        System.out.println(READY_LINE + " " + broker.bootstrapServers());
        new CountDownLatch(1).await(); // until killed
    }
}
