package dev.promesa.followup.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.promesa.contracts.CloudEvents;
import dev.promesa.contracts.CommitmentRequest;
import dev.promesa.contracts.Interaction;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.contracts.Topics;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.testsupport.HostileText;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Anything written to helpdesk.events.v1, whoever wrote it: jqwik-generated garbage values (random bytes, random JSON,
 * valid JSON of the wrong shape, wrong types, 10,000 levels of nesting, NUL, oversize ids, impossible timestamps), odd
 * or missing headers and null keys go to helpdesk.events.v1.dlq with a reason; valid events carrying hostile text
 * (markup, CRLF, SQL, template syntax, RTL and zero-width unicode) are stored verbatim, as the read API shows; and
 * normal events sent after all of it are still applied. Seed: {@code -Dhostile.seed} (default
 * {@value #DEFAULT_SEED}).
 */
@QuarkusTest
@Timeout(240)
class HostileRecordsTest {
    static final long DEFAULT_SEED = 20261126L;
    static final int GARBAGE_RECORDS = 60;
    static final int HOSTILE_VALID_EVENTS = 20;
    private static final String CASE_HEADER = "x-hostile-case";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A record to send; {@code value} null is a tombstone, {@code headers} values may be null. */
    record Garbage(String caseId, String description, String key, byte[] value, Map<String, byte[]> headers) {
    }

    @Test
    void garbageIsDeadLetteredHostileTextIsStoredVerbatimAndTheConsumerGoesOn() throws Exception {
        long seed = Long.getLong("hostile.seed", DEFAULT_SEED);
        Random random = HostileText.seed(seed);
        String run = "hr" + Long.toHexString(random.nextLong() & 0xffffffL);
        String reproduce = " [seed " + seed + "; rerun with -Dhostile.seed=" + seed + "]";

        // Garbage keyed like the valid ticket after it, so every valid event sits behind garbage on its partition.
        List<Garbage> garbage = new ArrayList<>();
        Map<String, TicketSnapshot> hostileTickets = new LinkedHashMap<>();
        Map<String, Interaction> hostileInteractions = new LinkedHashMap<>();
        for (int i = 0; i < HOSTILE_VALID_EVENTS; i++) {
            String ticketId = run + "-T-" + i;
            for (int n = 0; n < GARBAGE_RECORDS / HOSTILE_VALID_EVENTS; n++) {
                garbage.add(garbage(run + "-g" + garbage.size(), ticketId, random));
            }
            TicketSnapshot ticket = hostileTicket(ticketId, random);
            hostileTickets.put(ticketId, ticket);
            hostileInteractions.put(ticketId, hostileInteraction(ticketId, ticket.occurredAt(), random));
        }

        try (TopicTail dlq = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS_DLQ);
                KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            int g = 0;
            for (String ticketId : hostileTickets.keySet()) {
                for (int n = 0; n < GARBAGE_RECORDS / HOSTILE_VALID_EVENTS; n++, g++) {
                    send(producer, garbage.get(g));
                }
                TicketSnapshot ticket = hostileTickets.get(ticketId);
                // now and then with a null key: the payload carries the ticket id
                String key = random.nextInt(4) == 0 ? null : ticketId;
                send(producer, new Garbage(ticket.eventId(), "valid", key, HelpdeskEvents.json(ticket)
                        .getBytes(StandardCharsets.UTF_8),
                        bytes(intakeHeaders(ticket.eventId(),
                                CloudEvents.TYPE_TICKET, ticketId), null)));
                HelpdeskEvents.send(hostileInteractions.get(ticketId));
            }
            // After all of it, on every partition: plain events that must still be applied.
            List<String> afterwards = new ArrayList<>();
            for (int i = 0; i < 2 * KafkaBroker.PARTITIONS + 2; i++) {
                String ticketId = run + "-after-" + i;
                afterwards.add(ticketId);
                HelpdeskEvents.send(HelpdeskEvents.ticket(ticketId, Instant.now(), Priority.P3, TicketStatus.OPEN,
                        null));
            }

            Set<String> expected = garbage.stream().map(Garbage::caseId).collect(Collectors.toSet());
            Map<String, ConsumerRecord<String, String>> dead = await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> deadByCase(dlq.received()), letters -> letters.keySet().containsAll(expected));
            for (Garbage sent : garbage) {
                ConsumerRecord<String, String> letter = dead.get(sent.caseId());
                String context = sent.caseId() + " (" + sent.description() + ")" + reproduce;
                assertThat(TopicTail.header(letter, "dead-letter-reason")).as(context).isNotBlank();
                assertThat(TopicTail.header(letter, "dead-letter-topic")).as(context)
                        .isEqualTo(Topics.HELPDESK_EVENTS);
                assertThat(letter.key()).as(context).isEqualTo(sent.key());
            }
            System.out.printf("Hostile followup records: seed %d, %d garbage records dead-lettered, %d valid "
                    + "hostile tickets; reasons e.g. %s%n", seed, garbage.size(), hostileTickets.size(),
                    dead.values().stream().map(r -> TopicTail.header(r, "dead-letter-reason")).distinct().limit(8)
                            .map(HostileText::visible).toList());

            for (String ticketId : afterwards) {
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        given().get("/api/v1/tickets/{id}", ticketId).statusCode()).as(ticketId).isEqualTo(200));
            }
            for (TicketSnapshot ticket : hostileTickets.values()) {
                assertStoredVerbatim(ticket, hostileInteractions.get(ticket.ticketId()), reproduce);
            }
            Set<String> validIds = new java.util.HashSet<>();
            hostileTickets.values().forEach(t -> validIds.add(t.eventId()));
            hostileInteractions.values().forEach(i -> validIds.add(i.eventId()));
            assertThat(dlq.received()).as("no valid event is dead-lettered" + reproduce)
                    .noneMatch(r -> validIds.contains(TopicTail.header(r, CloudEvents.HEADER_ID)));
        }
    }

    /**
     * SmallRye's Kafka connector reads binary-mode CloudEvents headers itself before the consumer sees the record, and
     * fails the whole channel (the consumer stops for good) on a {@code ce_source} that is not a URI reference, e.g. a
     * help desk named "desk a", or a {@code ce_time} that is not a timestamp. Hence
     * {@code mp.messaging.incoming.helpdesk-events.cloud-events=false} in application.properties: the consumer reads
     * the headers itself.
     */
    @Test
    void headersTheConnectorCannotParseAreDeadLetteredAndTheConsumerGoesOn() throws Exception {
        String ticketId = "hr-headers-" + java.util.UUID.randomUUID();
        TicketSnapshot after = HelpdeskEvents.ticket(ticketId, Instant.now(), Priority.P3, TicketStatus.OPEN, null);
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            Map<String, String> badSource = intakeHeaders("bad-source-" + ticketId, CloudEvents.TYPE_TICKET, ticketId);
            badSource.put(CloudEvents.HEADER_SOURCE, "desk a\r\nX-Evil: 1");
            Map<String, String> badTime = intakeHeaders("bad-time-" + ticketId, CloudEvents.TYPE_TICKET, ticketId);
            badTime.put(CloudEvents.HEADER_TIME, "yesterday");
            for (Map<String, String> headers : List.of(badSource, badTime)) {
                send(producer, new Garbage(headers.get(CloudEvents.HEADER_ID), "header", ticketId,
                        "{}".getBytes(StandardCharsets.UTF_8), bytes(headers, headers.get(CloudEvents.HEADER_ID))));
            }
        }
        HelpdeskEvents.send(after);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                given().get("/api/v1/tickets/{id}", ticketId).statusCode()).isEqualTo(200));
    }

    private static void assertStoredVerbatim(TicketSnapshot ticket, Interaction interaction, String reproduce) {
        String context = ticket.ticketId() + reproduce;
        JsonPath view = await().atMost(PATIENCE).until(() -> {
            var response = given().get("/api/v1/tickets/{id}", ticket.ticketId());
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, v -> v != null && ticket.subject().equals(v.getString("subject")));
        assertThat(view.getString("requester.name")).as(context).isEqualTo(ticket.requester().name());
        assertThat(view.getString("assignee.name")).as(context).isEqualTo(ticket.assignee().name());
        assertThat(view.getString("team")).as(context).isEqualTo(ticket.team());
        List<Map<String, Object>> timeline = await().atMost(PATIENCE).until(
                () -> given().get("/api/v1/tickets/{id}/timeline", ticket.ticketId()).jsonPath().getList("$"),
                entries -> entries.stream().anyMatch(e -> interaction.eventId().equals(e.get("eventId"))));
        Map<String, Object> entry = timeline.stream().filter(e -> interaction.eventId().equals(e.get("eventId")))
                .findFirst().orElseThrow();
        assertThat(entry.get("body")).as(context + " body").isEqualTo(interaction.body());
        List<Map<String, Object>> commitments = given().get("/api/v1/tickets/{id}", ticket.ticketId()).jsonPath()
                .getList("commitments");
        assertThat(commitments).as(context).anySatisfy(c -> assertThat(c.get("description"))
                .isEqualTo(interaction.commitment().description()));
    }

    // ---------------------------------------------------------------- generation

    private static TicketSnapshot hostileTicket(String ticketId, Random random) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Arbitrary<String> text = HostileText.storable();
        Person requester = new Person("u-" + ticketId, HostileText.sample(text, random), "lucia@example.com", "es",
                "Europe/Madrid");
        Person assignee = new Person("a-" + ticketId, HostileText.sample(text, random), "jorge@example.com", "en",
                null);
        String subject = HostileText.sample(text, random);
        if (random.nextInt(10) == 0) {
            subject = subject.repeat(Math.max(1, 100_000 / subject.length())); // long, but text columns take it
        }
        String team = "team-" + HostileText.sample(text.filter(t -> !HostileText.hasAsciiControl(t)
                && t.length() < 150), random);
        return new TicketSnapshot(HelpdeskEvents.newEventId(), ticketId, at, subject, Priority.P3, TicketStatus.OPEN,
                dev.promesa.contracts.Channel.EMAIL, requester, assignee, team, null);
    }

    private static Interaction hostileInteraction(String ticketId, Instant ticketAt, Random random) {
        Arbitrary<String> text = HostileText.storable();
        CommitmentRequest promise = new CommitmentRequest(null, dev.promesa.contracts.CommitmentKind.UPDATE,
                ticketAt.plus(Duration.ofDays(2)), HostileText.sample(text, random),
                dev.promesa.contracts.PromisedTo.USER);
        return HelpdeskEvents.agentReply(ticketId, ticketAt.plusSeconds(1), HostileText.sample(text, random),
                promise);
    }

    /** One record no consumer can apply, on {@code key} (or none). */
    private static Garbage garbage(String caseId, String key, Random random) {
        Instant now = Instant.now();
        ObjectNode valid = (ObjectNode) readTree(HelpdeskEvents.json(HelpdeskEvents.ticket(key, now, Priority.P2,
                TicketStatus.OPEN, null)));
        valid.put("eventId", caseId);
        String type = CloudEvents.TYPE_TICKET;
        String description;
        String value;
        String recordKey = random.nextInt(5) == 0 ? null : key;
        Map<String, String> headers = intakeHeaders(caseId, type, key);
        int kind = random.nextInt(16);
        switch (kind) {
            case 0 -> {
                byte[] bytes = HostileText.sample(Arbitraries.bytes().array(byte[].class).ofMinSize(1)
                        .ofMaxSize(300), random);
                return new Garbage(caseId, "random bytes", recordKey, bytes, bytes(headers, caseId));
            }
            case 1 -> {
                description = "random text";
                value = HostileText.sample(HostileText.any().filter(t -> !t.isBlank()), random);
            }
            case 2 -> {
                description = "valid JSON of the wrong shape";
                value = HostileText.sample(Arbitraries.of("[]", "[1,2,3]", "\"a string\"", "42", "true", "null",
                        "{}", "{\"events\":[]}", "[{\"ticketId\":\"" + key + "\"}]"), random);
            }
            case 3 -> {
                description = "a field of the wrong type";
                String field = HostileText.sample(Arbitraries.of("occurredAt", "status", "requester", "ticketId",
                        "priority"), random);
                valid.putArray(field).add(1).addObject().put("x", "y");
                value = valid.toString();
            }
            case 4 -> {
                description = "10,000 levels of nesting";
                valid.put("subject", "@@NEST@@");
                value = valid.toString().replace("\"@@NEST@@\"", "[".repeat(10_000) + "]".repeat(10_000));
            }
            case 5 -> {
                description = "NUL in the subject";
                valid.put("subject", "before\u0000after " + HostileText.sample(HostileText.storable(), random));
                value = valid.toString();
            }
            case 6 -> {
                description = "an id longer than its column";
                valid.put("team", "t".repeat(201 + random.nextInt(50_000)));
                value = valid.toString();
            }
            case 7 -> {
                description = "a timestamp outside four-digit years";
                valid.put("occurredAt", HostileText.sample(Arbitraries.of("+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"), random));
                value = valid.toString();
            }
            case 8 -> {
                description = "an unknown time zone";
                ((ObjectNode) valid.get("requester")).put("timeZone", HostileText.sample(HostileText.storable(),
                        random) + "/Nowhere");
                value = valid.toString();
            }
            case 9 -> {
                description = "no ce_type header";
                headers.remove(CloudEvents.HEADER_TYPE);
                value = valid.toString();
            }
            case 10 -> {
                description = "a hostile ce_type";
                headers.put(CloudEvents.HEADER_TYPE, HostileText.sample(HostileText.any(), random));
                value = valid.toString();
            }
            case 11 -> {
                description = "an empty value";
                value = HostileText.sample(Arbitraries.of("", " ", "\r\n\t"), random);
            }
            case 12 -> {
                description = "a tombstone (null value)";
                value = null;
            }
            case 13 -> {
                description = "unpaired surrogate escaped in JSON";
                value = valid.toString().replace("\"subject\":\"", "\"subject\":\"\\ud800");
            }
            case 14 -> {
                description = "an interaction without author, kind or visibility";
                headers.put(CloudEvents.HEADER_TYPE, CloudEvents.TYPE_INTERACTION);
                value = "{\"ticketId\":\"" + key + "\",\"occurredAt\":\"" + now + "\",\"body\":"
                        + readTree("\"x\"").toString() + "}";
            }
            default -> {
                description = "truncated JSON";
                String text = valid.toString();
                value = text.substring(0, 1 + random.nextInt(text.length() - 1));
            }
        }
        if (random.nextInt(6) == 0) {
            // odd headers on top: a header without a value, CR/LF in another, a hostile subject
            headers.put("x-null", null);
            headers.put("x-note", "a\r\nBcc: victim@example.com");
            headers.put(CloudEvents.HEADER_SUBJECT, HostileText.sample(HostileText.storable(), random));
            description += ", odd headers";
        }
        Map<String, byte[]> raw = bytes(headers, caseId);
        return new Garbage(caseId, description, recordKey,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), raw);
    }

    private static Map<String, String> intakeHeaders(String eventId, String type, String ticketId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        headers.put(CloudEvents.HEADER_ID, eventId);
        headers.put(CloudEvents.HEADER_TYPE, type);
        headers.put(CloudEvents.HEADER_SOURCE, HelpdeskEvents.SOURCE);
        headers.put(CloudEvents.HEADER_TIME, Instant.now().toString());
        headers.put(CloudEvents.HEADER_SUBJECT, ticketId);
        headers.put(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        return headers;
    }

    private static Map<String, byte[]> bytes(Map<String, String> headers, String caseId) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        headers.forEach((name, value) -> raw.put(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        if (caseId != null) {
            raw.put(CASE_HEADER, caseId.getBytes(StandardCharsets.UTF_8));
        }
        return raw;
    }

    private static JsonNode readTree(String json) {
        try {
            return HelpdeskEvents.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- Kafka

    private static KafkaProducer<byte[], byte[]> rawProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Garbage garbage) throws Exception {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.HELPDESK_EVENTS, null,
                garbage.key() == null ? null : garbage.key().getBytes(StandardCharsets.UTF_8), garbage.value());
        garbage.headers().forEach((name, value) -> record.headers().add(name, value));
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    private static Map<String, ConsumerRecord<String, String>> deadByCase(
            List<ConsumerRecord<String, String>> records) {
        Map<String, ConsumerRecord<String, String>> byCase = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String caseId = TopicTail.header(record, CASE_HEADER);
            if (caseId != null) {
                byCase.put(caseId, record);
            }
        }
        return byCase;
    }
}
