package dev.promesa.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The poll processor against a scripted handler: which records are applied how often, which are dead-lettered, and
 * how long it waits, without Quarkus, Kafka or a clock. Record values script the handler: {@code garbage} cannot be
 * read, {@code refused} is rejected by the rules, {@code flaky} fails for a reason that may pass, {@code outage:N}
 * finds the database unreachable N times.
 */
class PollProcessorTest {
    private static final String TOPIC = "helpdesk.events.v1";

    private final ScriptedHandler handler = new ScriptedHandler();
    private final RecordingSink sink = new RecordingSink();
    private final List<Duration> waits = new ArrayList<>();
    private final PollProcessor<String> processor = new PollProcessor<>(handler, sink,
            new RetryPolicy(3, new Backoff(Duration.ofMillis(100), Duration.ofMillis(400))), waits::add,
            Logger.getLogger(PollProcessorTest.class));

    @Test
    void aReadablePollIsAppliedInOneTransactionInItsOrder() throws Exception {
        PollProcessor.Outcome outcome = processor.process(poll("a", "b", "c"));

        assertThat(handler.transactions).containsExactly(List.of("a", "b", "c"));
        assertThat(handler.applied).containsExactly("a", "b", "c");
        assertThat(sink.published).isEmpty();
        assertThat(outcome).isEqualTo(new PollProcessor.Outcome(3, 0, false));
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAloneAndTheRestAppliedTogether() throws Exception {
        PollProcessor.Outcome outcome = processor.process(poll("a", "garbage", "c"));

        assertThat(handler.transactions).containsExactly(List.of("a", "c"));
        assertThat(sink.letters()).extracting(DeadLetter::value).containsExactly("garbage");
        DeadLetter letter = sink.letters().get(0);
        assertThat(letter.header(DeadLetter.REASON)).isEqualTo("not JSON");
        assertThat(letter.header(DeadLetter.TOPIC)).isEqualTo(TOPIC);
        assertThat(letter.header(DeadLetter.OFFSET)).isEqualTo("1");
        assertThat(outcome).isEqualTo(new PollProcessor.Outcome(2, 1, false));
    }

    @Test
    void aRecordTheRulesRefuseIsFoundOneByOneAndDeadLetteredWhileTheOthersAreAppliedOnce() throws Exception {
        PollProcessor.Outcome outcome = processor.process(poll("a", "refused", "garbage", "d"));

        assertThat(handler.transactions).containsExactly(List.of("a", "refused", "d"), List.of("a"),
                List.of("refused"), List.of("d"));
        assertThat(handler.applied).containsExactly("a", "d");
        // in record order, although the unreadable one was found first
        assertThat(sink.letters()).extracting(DeadLetter::value).containsExactly("refused", "garbage");
        assertThat(sink.published).hasSize(1);
        assertThat(waits).isEmpty();
        assertThat(outcome).isEqualTo(new PollProcessor.Outcome(2, 2, true));
    }

    @Test
    void aDatabaseOutageIsWaitedOutWithBackoffAndNothingIsDeadLettered() throws Exception {
        handler.outages = 6;

        processor.process(poll("a", "b"));

        assertThat(handler.applied).containsExactly("a", "b");
        assertThat(handler.transactions).hasSize(7).allSatisfy(t -> assertThat(t).containsExactly("a", "b"));
        assertThat(waits).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L, 400L, 400L, 400L);
        assertThat(sink.published).isEmpty();
    }

    @Test
    void oneByOneAnOutageIsWaitedOutPastTheLastAttempt() throws Exception {
        processor.process(poll("a", "refused", "outage:5"));

        assertThat(handler.applied).containsExactly("a", "outage:5");
        assertThat(waits).hasSize(5);
        assertThat(sink.letters()).extracting(DeadLetter::value).containsExactly("refused");
    }

    @Test
    void aFailureThatMayPassIsRetriedThenDeadLetteredWithItsReason() throws Exception {
        processor.process(poll("a", "flaky"));

        assertThat(handler.transactions).containsExactly(List.of("a", "flaky"), List.of("a"), List.of("flaky"),
                List.of("flaky"), List.of("flaky"));
        assertThat(waits).extracting(Duration::toMillis).containsExactly(100L, 200L);
        assertThat(sink.letters()).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isEqualTo("flaky");
            assertThat(letter.header(DeadLetter.REASON)).isEqualTo("deadlock detected");
            assertThat(letter.header(DeadLetter.EXCEPTION_CLASS)).isEqualTo(IllegalStateException.class.getName());
        });
    }

    @Test
    void deadLettersAreRetriedUntilKafkaAcknowledgesThemBeforeThePollEnds() throws Exception {
        sink.failures = 4;

        processor.process(poll("garbage"));

        assertThat(sink.attempts).isEqualTo(5);
        assertThat(sink.letters()).hasSize(1);
        assertThat(waits).hasSize(4);
    }

    @Test
    void aStoppingServiceEndsThePollWithoutCommittingIt() {
        handler.outages = 1;
        PollProcessor<String> stopping = new PollProcessor<>(handler, sink,
                new RetryPolicy(3, new Backoff(Duration.ofMillis(100), Duration.ofMillis(400))), wait -> {
                    throw new InterruptedException("stopping");
                }, Logger.getLogger(PollProcessorTest.class));

        assertThatThrownBy(() -> stopping.process(poll("a", "garbage"))).isInstanceOf(InterruptedException.class);
        assertThat(handler.applied).isEmpty();
        assertThat(sink.published).isEmpty();
    }

    private static List<ConsumerRecord<String, String>> poll(String... values) {
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        for (int offset = 0; offset < values.length; offset++) {
            poll.add(new ConsumerRecord<>(TOPIC, 0, offset, "acme/T-1", values[offset]));
        }
        return poll;
    }

    /** Applies by recording; fails as the values say. A transaction that fails applies nothing. */
    private static final class ScriptedHandler implements PollHandler<String> {
        final List<List<String>> transactions = new ArrayList<>();
        final List<String> applied = new ArrayList<>();
        final Map<String, Integer> failuresSoFar = new HashMap<>();
        int outages;

        @Override
        public String read(ConsumerRecord<String, String> record) {
            if (record.value().equals("garbage")) {
                throw new IllegalArgumentException("not JSON");
            }
            return record.value();
        }

        @Override
        public void applyAll(List<String> items) {
            transactions.add(items);
            if (outages > 0) {
                outages--;
                throw outage();
            }
            items.forEach(this::check);
            applied.addAll(items);
        }

        @Override
        public void apply(String item) {
            transactions.add(List.of(item));
            check(item);
            applied.add(item);
        }

        private void check(String item) {
            if (item.equals("refused")) {
                throw new RefusedException("commitment C-1 belongs to another ticket");
            }
            if (item.equals("flaky")) {
                throw new IllegalStateException("deadlock detected");
            }
            if (item.startsWith("outage:")) {
                int times = Integer.parseInt(item.substring("outage:".length()));
                if (failuresSoFar.merge(item, 1, Integer::sum) <= times) {
                    throw outage();
                }
            }
        }

        private static RuntimeException outage() {
            return new IllegalStateException("pool", new SQLException("Connection refused", "08001"));
        }

        @Override
        public boolean isPermanent(RuntimeException failure) {
            return failure instanceof RefusedException;
        }

        @Override
        public String describe(String item) {
            return "event " + item;
        }
    }

    private static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    private static final class RecordingSink implements DeadLetterSink {
        final List<List<DeadLetter>> published = new ArrayList<>();
        int failures;
        int attempts;

        @Override
        public void publish(List<DeadLetter> deadLetters) {
            attempts++;
            if (failures > 0) {
                failures--;
                throw new NotAcknowledgedException("broker away", null);
            }
            published.add(deadLetters);
        }

        @Override
        public String topic() {
            return TOPIC + ".dlq";
        }

        List<DeadLetter> letters() {
            return published.stream().flatMap(List::stream).toList();
        }
    }
}
