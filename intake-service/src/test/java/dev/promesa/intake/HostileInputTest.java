package dev.promesa.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Topics;
import dev.promesa.testsupport.HostileText;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.TopicTail;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Hostile input against all three POST endpoints: jqwik-generated bodies (hostile text in every kind of field, wrong
 * types, truncated and random JSON), keys and content types, plus the fixed worst cases (10,000 levels of nesting,
 * bodies over the limit, CR/LF/NUL in header bytes). Every answer is 202 or a 4xx problem+json that says what is wrong
 * (never a 5xx), and every accepted event is on the topic exactly as sent. The sample sequence is fixed by
 * {@code -Dhostile.seed} (default {@value #DEFAULT_SEED}); failures print the seed and the case.
 */
@QuarkusTest
@Timeout(180)
class HostileInputTest {
    static final long DEFAULT_SEED = 20261126L;
    static final int GENERATED_REQUESTS = 400;

    private static final String JSON = "application/json";

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** What the request must get. */
    enum Expect {
        ACCEPTED, BAD_REQUEST, UNAUTHORIZED, UNSUPPORTED_MEDIA_TYPE, ANY_4XX, ACCEPTED_OR_4XX
    }

    /** An event the request must put on the topic if it is accepted, and the hostile values it must carry verbatim. */
    record ExpectedEvent(String eventId, String ticketId, Map<String, String> verbatim) {
    }

    record Case(int index, String description, String path, String apiKey, String contentType,
            String idempotencyKey, byte[] body, Expect expect, List<ExpectedEvent> events) {
        String show() {
            String text = new String(body, StandardCharsets.UTF_8);
            return "case #" + index + " (" + description + ") POST " + path + " key=" + apiKey + " content-type="
                    + contentType + " idempotency-key=" + (idempotencyKey == null
                            ? null
                            : HostileText.visible(idempotencyKey))
                    + " body=" + HostileText.visible(text.length() > 600 ? text.substring(0, 600) + "…" : text);
        }
    }

    @Test
    void generatedRequestsGetA202OrAProblemAndAcceptedEventsAreOnTheTopicVerbatim() throws Exception {
        long seed = Long.getLong("hostile.seed", DEFAULT_SEED);
        Random random = HostileText.seed(seed);
        String reproduce = " [seed " + seed + "; rerun with -Dhostile.seed=" + seed + "]";
        Map<Expect, Integer> tally = new LinkedHashMap<>();
        Map<String, ExpectedEvent> accepted = new LinkedHashMap<>();
        try (TopicTail tail = KafkaBroker.shared().tail(Topics.HELPDESK_EVENTS)) {
            for (int i = 0; i < GENERATED_REQUESTS; i++) {
                Case c = generate(i, seed, random);
                HttpResponse<String> answer = send(c);
                String context = c.show() + " answered " + answer.statusCode() + " " + answer.body() + reproduce;
                assertAnswer(c, answer, context);
                tally.merge(c.expect(), 1, Integer::sum);
                if (answer.statusCode() == 202) {
                    JsonNode ids = SampleEvents.JSON.readTree(answer.body()).get("eventIds");
                    assertThat(ids).as(context).isNotNull();
                    assertThat(ids.size()).as(context).isEqualTo(c.events().size());
                    for (int e = 0; e < c.events().size(); e++) {
                        ExpectedEvent event = c.events().get(e);
                        assertThat(ids.get(e).asText()).as(context).isEqualTo(event.eventId());
                        accepted.put(event.eventId(), event);
                    }
                }
            }
            System.out.printf("Hostile intake: %d generated requests with seed %d, expectations %s, %d events "
                    + "accepted%n", GENERATED_REQUESTS, seed, tally, accepted.size());
            assertThat(tally.getOrDefault(Expect.ACCEPTED, 0)).as("the generator must exercise the 202 path")
                    .isGreaterThan(GENERATED_REQUESTS / 5);

            Map<String, ConsumerRecord<String, String>> onTopic = tail
                    .awaitCount(accepted.size(), Duration.ofSeconds(60)).stream()
                    .collect(Collectors.toMap(r -> TopicTail.header(r, "ce_id"), Function.identity(), (a, b) -> b));
            for (ExpectedEvent event : accepted.values()) {
                ConsumerRecord<String, String> record = onTopic.get(event.eventId());
                String context = "event " + HostileText.visible(event.eventId()) + reproduce;
                assertThat(record).as(context + " is on the topic").isNotNull();
                assertThat(record.key()).as(context).isEqualTo("desk-a/" + event.ticketId());
                assertThat(TopicTail.header(record, "ce_subject")).as(context).isEqualTo(event.ticketId());
                JsonNode payload = SampleEvents.JSON.readTree(record.value());
                event.verbatim().forEach((pointer, value) -> assertThat(payload.at(pointer).asText())
                        .as(context + " at " + pointer).isEqualTo(value));
            }
        }
    }

    @Test
    void tenThousandLevelsOfNestingAreRefusedAsMalformed() throws Exception {
        String arrays = "[".repeat(10_000) + "]".repeat(10_000);
        String objects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        for (String nested : List.of(arrays, objects)) {
            List<String> bodies = List.of(nested, "{\"subject\":" + nested + "}", "{\"events\":" + nested + "}");
            for (String path : endpoints()) {
                for (String body : bodies) {
                    HttpResponse<String> answer = post(path, SampleEvents.KEY_A, JSON, body.getBytes());
                    String context = "nested body to " + path + ": " + answer.statusCode() + " " + answer.body();
                    assertProblem(answer, 400, context);
                    assertThat(answer.body()).as(context).contains("nest");
                }
            }
        }
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413Problem() throws Exception {
        ObjectNode ticket = SampleEvents.ticket(SampleEvents.newTicketId());
        ticket.put("subject", "x".repeat(1_200_000));
        byte[] body = ticket.toString().getBytes(StandardCharsets.UTF_8);
        for (String path : endpoints()) {
            String resolved = path.replace("{id}", SampleEvents.newTicketId());
            // A client that waits for 100-continue gets the refusal before sending the body ...
            RawAnswer waiting = raw(resolved, "Content-Length: " + body.length + "\r\nExpect: 100-continue",
                    new byte[0]);
            assertThat(waiting.status()).as("1.2 MB announced to " + path + ": " + waiting).isEqualTo(413);
            assertThat(waiting.contentType()).as(waiting.toString()).startsWith("application/problem+json");
            JsonNode problem = SampleEvents.JSON.readTree(waiting.body());
            assertThat(problem.path("status").asInt()).isEqualTo(413);
            assertThat(problem.path("detail").asText()).contains("at most 1048576 bytes");
            // ... and one that sends right away is answered as soon as the headers are read.
            RawAnswer eager = raw(resolved, "Content-Length: " + body.length, java.util.Arrays.copyOf(body, 65_536));
            assertThat(eager.status()).as("1.2 MB sent eagerly to " + path + ": " + eager).isEqualTo(413);
        }
    }

    /** Without Content-Length the limit is only known while reading; the answer is still 413, never a 5xx. */
    @Test
    void chunkedBodiesOverTheLimitAreRefused() throws Exception {
        String chunk = "x".repeat(65_536);
        StringBuilder chunked = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            chunked.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        for (String path : endpoints()) {
            RawAnswer answer = raw(path.replace("{id}", SampleEvents.newTicketId()), "Transfer-Encoding: chunked",
                    chunked.toString().getBytes(StandardCharsets.US_ASCII));
            assertThat(answer.status()).as("chunked 1.1 MB body to " + path + ": " + answer).isEqualTo(413);
        }
    }

    @Test
    void hugeNumbersAndWrongContentTypesAreProblems() throws Exception {
        String hugeNumber = "{\"ticketId\":1" + "0".repeat(5_000) + "}";
        String hugeExponent = "{\"ticketId\":\"T-1\",\"occurredAt\":1e999999999}";
        for (String path : endpoints()) {
            assertProblem(post(path, SampleEvents.KEY_A, JSON, hugeNumber.getBytes()), 400, "huge number " + path);
            assertProblem(post(path, SampleEvents.KEY_A, JSON, hugeExponent.getBytes()), 400, "huge exp " + path);
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "text/html; charset=utf-8")) {
                assertProblem(post(path, SampleEvents.KEY_A, type, "{}".getBytes()), 415, type + " to " + path);
            }
            assertProblem(post(path, "wrong-key", "text/plain", "{}".getBytes()), 401, "wrong key " + path);
        }
        assertProblem(post("/api/v1/no-such-thing", SampleEvents.KEY_A, JSON, "{}".getBytes()), 404, "unknown path");
        HttpResponse<String> get = http.send(request("/api/v1/tickets", SampleEvents.KEY_A, JSON).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(get, 405, "GET on a POST endpoint");
        HttpResponse<String> html = http.send(request("/api/v1/tickets", SampleEvents.KEY_A, JSON)
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(html.statusCode()).as("Accept: text/html " + html.body()).isBetween(400, 499);
    }

    /** Bytes no well-behaved client sends: bare CR, NUL and Latin-1 in header values, CRLF inside the key. */
    @Test
    void malformedHeaderBytesNeverGetA5xx() throws Exception {
        String body = SampleEvents.ticket(SampleEvents.newTicketId()).put("eventId", (String) null).toString();
        List<String> headerLines = List.of("Idempotency-Key: a\rb", "Idempotency-Key: a\u0000b",
                "Idempotency-Key: caf\u00e9-\u00ff", "X-Api-Key: test-key-a\r\nX-Api-Key: other",
                "Idempotency-Key: " + "k".repeat(20_000), "Idempotency-Key: x\r\n Bcc: folded");
        for (String line : headerLines) {
            int status = rawPost("/api/v1/tickets", line, body);
            assertThat(status).as("header line %s", HostileText.visible(line)).isBetween(200, 499)
                    .isNotIn(200, 201, 204);
        }
    }

    // ---------------------------------------------------------------- generation

    private Case generate(int index, long seed, Random random) {
        String prefix = "hx" + seed % 1000 + "-" + index;
        int kind = random.nextInt(100);
        Case c;
        if (kind < 30) {
            c = hostileTicket(index, prefix, random);
        } else if (kind < 55) {
            c = hostileInteraction(index, prefix, random);
        } else if (kind < 68) {
            c = hostileBatch(index, prefix, random);
        } else if (kind < 78) {
            c = wrongTyped(index, prefix, random);
        } else if (kind < 86) {
            c = truncated(index, prefix, random);
        } else if (kind < 93) {
            c = garbage(index, random);
        } else {
            c = hostilePathTicket(index, prefix, random);
        }
        return withHostileEnvelope(c, random);
    }

    /** Sometimes a missing, wrong or hostile key, or a content type that is not JSON; these win over the body. */
    private static Case withHostileEnvelope(Case c, Random random) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return with(c, null, c.contentType(), Expect.UNAUTHORIZED, "no key");
        } else if (roll < 10) {
            String key = HostileText.sample(Arbitraries.strings().withCharRange('!', '~').ofMinLength(1)
                    .ofMaxLength(300), random);
            return with(c, key, c.contentType(), Expect.UNAUTHORIZED, "wrong key");
        } else if (roll < 16) {
            String type = HostileText.sample(Arbitraries.of("text/plain", "application/xml",
                    "application/x-www-form-urlencoded", "text/html", "application/octet-stream"), random);
            return with(c, c.apiKey(), type, Expect.UNSUPPORTED_MEDIA_TYPE, "content type " + type);
        } else if (roll < 19) {
            return with(c, c.apiKey(), "application/json; charset=UTF-8", c.expect(), "json with charset");
        } else if (roll < 21) {
            return with(c, c.apiKey(), null, Expect.ACCEPTED_OR_4XX, "no content type");
        }
        return c;
    }

    private static Case with(Case c, String key, String contentType, Expect expect, String note) {
        return new Case(c.index(), c.description() + ", " + note, c.path(), key, contentType, c.idempotencyKey(),
                c.body(), expect, c.events());
    }

    /** One field of a valid ticket replaced by hostile text, with the answer the rules demand. */
    private Case hostileTicket(int index, String prefix, Random random) {
        String ticketId = prefix + "-T";
        ObjectNode ticket = SampleEvents.ticket(ticketId);
        ticket.put("eventId", prefix + "-e");
        Mutation mutation = mutateTicket(ticket, prefix, random);
        String idempotencyKey = null;
        if (random.nextInt(8) == 0 && !"eventId".equals(mutation.field())) {
            // The event id then comes from the header, which is held to the same rules as an id.
            ticket.remove("eventId");
            idempotencyKey = prefix + "-" + HostileText.sample(Arbitraries.strings().withCharRange(' ', '~')
                    .withChars('\t').ofMaxLength(random.nextInt(5) == 0 ? 150 : 20), random) + "-k";
        }
        String eventId = ticket.has("eventId") ? ticket.get("eventId").asText() : idempotencyKey;
        boolean keyOk = idempotencyKey == null
                || idempotencyKey.length() <= 100 && !HostileText.hasAsciiControl(idempotencyKey);
        String finalTicketId = ticket.get("ticketId").asText();
        Expect expect = keyOk ? mutation.expect() : Expect.BAD_REQUEST;
        return new Case(index, "ticket with hostile " + mutation.field(), "/api/v1/tickets", SampleEvents.KEY_A,
                JSON, idempotencyKey, bytes(ticket), expect,
                List.of(new ExpectedEvent(eventId, finalTicketId, mutation.verbatim())));
    }

    private Case hostileInteraction(int index, String prefix, Random random) {
        String ticketId = prefix + "-T";
        ObjectNode interaction = SampleEvents.interaction(ticketId);
        interaction.put("eventId", prefix + "-e");
        Mutation mutation = mutateInteraction(interaction, prefix, random);
        return new Case(index, "interaction with hostile " + mutation.field(),
                "/api/v1/tickets/" + ticketId + "/interactions", SampleEvents.KEY_A, JSON, null, bytes(interaction),
                mutation.expect(),
                List.of(new ExpectedEvent(interaction.get("eventId").asText(), ticketId, mutation.verbatim())));
    }

    private Case hostileBatch(int index, String prefix, Random random) {
        int size = 1 + random.nextInt(4);
        ArrayNode items = SampleEvents.JSON.createArrayNode();
        List<ExpectedEvent> events = new ArrayList<>();
        boolean allValid = true;
        boolean anyUnknown = false;
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String itemPrefix = prefix + "-" + i;
            ObjectNode item;
            Mutation mutation;
            if (random.nextBoolean()) {
                item = SampleEvents.ticket(itemPrefix + "-T").put("type", "ticket");
                item.put("eventId", itemPrefix + "-e");
                mutation = mutateTicket(item, itemPrefix, random);
            } else {
                item = SampleEvents.interaction(itemPrefix + "-T").put("type", "interaction");
                item.put("ticketId", itemPrefix + "-T");
                item.put("eventId", itemPrefix + "-e");
                mutation = mutateInteraction(item, itemPrefix, random);
            }
            items.add(item);
            fields.add(mutation.field());
            allValid &= mutation.valid();
            anyUnknown |= mutation.unknown();
            events.add(new ExpectedEvent(item.get("eventId").asText(), item.get("ticketId").asText(),
                    mutation.verbatim()));
        }
        ObjectNode batch = SampleEvents.JSON.createObjectNode();
        batch.set("events", items);
        Expect expect = allValid ? Expect.ACCEPTED : anyUnknown ? Expect.ACCEPTED_OR_4XX : Expect.BAD_REQUEST;
        return new Case(index, "batch with hostile " + fields, "/api/v1/events", SampleEvents.KEY_A, JSON, null,
                bytes(batch), expect, events);
    }

    private Case hostilePathTicket(int index, String prefix, Random random) {
        String hostile = HostileText.sample(HostileText.any()
                .filter(t -> t.indexOf('\uD800') < 0 && !HostileText.unstorable(t.replace("\u0000", ""))), random);
        String ticketId = prefix + hostile;
        ObjectNode interaction = SampleEvents.interaction(ticketId);
        interaction.put("eventId", prefix + "-e");
        boolean routable = !ticketId.contains("/") && !ticketId.contains("\\") && !ticketId.contains(";")
                && !ticketId.contains("%");
        boolean valid = ticketId.length() <= 128 && !HostileText.hasAsciiControl(ticketId)
                && !HostileText.unstorable(ticketId);
        Expect expect = !routable ? Expect.ACCEPTED_OR_4XX : valid ? Expect.ACCEPTED : Expect.BAD_REQUEST;
        return new Case(index, "hostile ticket id in the path", "/api/v1/tickets/"
                + HostileText.pathSegment(ticketId) + "/interactions", SampleEvents.KEY_A, JSON, null,
                bytes(interaction), expect, List.of(new ExpectedEvent(prefix + "-e", ticketId,
                        Map.of("/ticketId", ticketId))));
    }

    private Case wrongTyped(int index, String prefix, Random random) {
        boolean ticket = random.nextBoolean();
        ObjectNode event = ticket ? SampleEvents.ticket(prefix + "-T") : SampleEvents.interaction(prefix + "-T");
        event.put("eventId", prefix + "-e");
        List<String> required = ticket
                ? List.of("ticketId", "occurredAt", "subject", "priority", "status", "channel", "requester")
                : List.of("occurredAt", "kind", "channel", "author", "visibility", "body");
        String field = required.get(random.nextInt(required.size()));
        String huge = "1" + "0".repeat(2_000);
        String raw = switch (random.nextInt(8)) {
            case 0 -> "42";
            case 1 -> "-1.7976931348623157e308";
            case 2 -> huge;
            case 3 -> "true";
            case 4 -> "[]";
            case 5 -> "{\"" + field + "\":\"x\"}";
            case 6 -> "[[[[\"x\"]]]]";
            default -> "1e99999";
        };
        if ("requester".equals(field) || "author".equals(field)) {
            raw = raw.startsWith("{") ? "\"a string\"" : raw;
        }
        event.put(field, "@@RAW@@");
        String body = event.toString().replace("\"@@RAW@@\"", raw);
        String path = ticket ? "/api/v1/tickets" : "/api/v1/tickets/" + prefix + "-T/interactions";
        return new Case(index, field + " of the wrong type " + raw.substring(0, Math.min(20, raw.length())), path,
                SampleEvents.KEY_A, JSON, null, body.getBytes(StandardCharsets.UTF_8), Expect.BAD_REQUEST,
                List.of());
    }

    private Case truncated(int index, String prefix, Random random) {
        int endpoint = random.nextInt(3);
        ObjectNode event = endpoint == 0 ? SampleEvents.ticket(prefix + "-T") : SampleEvents.interaction(prefix + "-T");
        String text = event.toString();
        if (endpoint == 2) {
            event.put("type", "interaction").put("ticketId", prefix + "-T");
            text = "{\"events\":[" + event + "]}";
        }
        String cut = text.substring(0, random.nextInt(text.length()));
        return new Case(index, "truncated at " + cut.length(), endpoints().get(endpoint).replace("{id}", prefix),
                SampleEvents.KEY_A, JSON, null, cut.getBytes(StandardCharsets.UTF_8), Expect.BAD_REQUEST, List.of());
    }

    private Case garbage(int index, Random random) {
        Arbitrary<String> scalar = Arbitraries.oneOf(HostileText.any().map(SampleEvents.JSON.getNodeFactory()::textNode)
                .map(JsonNode::toString), Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "null",
                        "-0.0e-0"));
        Arbitrary<String> json = Arbitraries.recursive(() -> scalar,
                inner -> Arbitraries.oneOf(inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"),
                        inner.list().ofMaxSize(4).map(l -> {
                            StringBuilder o = new StringBuilder("{");
                            for (int i = 0; i < l.size(); i++) {
                                o.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(l.get(i));
                            }
                            return o.append('}').toString();
                        })),
                0, 4);
        Arbitrary<byte[]> body = Arbitraries.oneOf(json.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                HostileText.any().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200));
        String path = endpoints().get(random.nextInt(3)).replace("{id}", "garbage-" + index);
        return new Case(index, "garbage body", path, SampleEvents.KEY_A, JSON, null, HostileText.sample(body, random),
                Expect.ANY_4XX, List.of());
    }

    /** A hostile value put in one field, whether the rules accept it, and what must then be on the topic. */
    record Mutation(String field, boolean valid, boolean unknown, Map<String, String> verbatim) {
        Expect expect() {
            return valid ? Expect.ACCEPTED : unknown ? Expect.ACCEPTED_OR_4XX : Expect.BAD_REQUEST;
        }
    }

    private static Mutation mutateTicket(ObjectNode ticket, String prefix, Random random) {
        String hostile = HostileText.sample(HostileText.any(), random);
        ObjectNode requester = (ObjectNode) ticket.get("requester");
        ObjectNode assignee = (ObjectNode) ticket.get("assignee");
        return switch (random.nextInt(8)) {
            case 0, 1 -> freeText(ticket, "subject", "/subject", hostile, 500);
            case 2 -> freeText(requester, "name", "/requester/name", hostile, 200);
            case 3 -> freeText(assignee, "name", "/assignee/name", hostile, 200);
            case 4 -> id(ticket, "ticketId", "/ticketId", prefix + "-T" + hostile);
            case 5 -> id(ticket, "eventId", "/eventId", prefix + "-e" + hostile);
            case 6 -> id(ticket, "team", "/team", prefix + hostile);
            default -> email(requester, "email", "/requester/email", hostile, random);
        };
    }

    private static Mutation mutateInteraction(ObjectNode interaction, String prefix, Random random) {
        String hostile = HostileText.sample(HostileText.any(), random);
        ObjectNode commitment = (ObjectNode) interaction.get("commitment");
        return switch (random.nextInt(7)) {
            case 0, 1 -> freeText(interaction, "body", "/body", random.nextInt(10) == 0
                    ? hostile.repeat(50_000 / Math.max(1, hostile.length()) + random.nextInt(2))
                    : hostile, 50_000);
            case 2 -> freeText(commitment, "description", "/commitment/description", hostile, 2_000);
            case 3 -> id((ObjectNode) interaction.get("author"), "id", "/author/id", prefix + hostile);
            case 4 -> id(commitment, "commitmentId", "/commitment/commitmentId", prefix + hostile);
            case 5 -> {
                String value = prefix + hostile;
                ((ArrayNode) interaction.get("fulfils")).removeAll().add(value);
                yield new Mutation("fulfils[0]", idValid(value), false, Map.of("/fulfils/0", value));
            }
            default -> id(interaction, "eventId", "/eventId", prefix + "-e" + hostile);
        };
    }

    private static Mutation freeText(ObjectNode node, String name, String pointer, String value, int maxLength) {
        node.put(name, value);
        boolean valid = !value.isBlank() && value.length() <= maxLength && !HostileText.unstorable(value);
        return new Mutation(name, valid, false, Map.of(pointer, value));
    }

    private static Mutation id(ObjectNode node, String name, String pointer, String value) {
        node.put(name, value);
        return new Mutation(name, idValid(value), false, Map.of(pointer, value));
    }

    private static boolean idValid(String value) {
        return !value.isBlank() && value.length() <= 128 && !HostileText.hasAsciiControl(value)
                && !HostileText.unstorable(value);
    }

    /** Addresses are held to a strict shape; whether a given hostile one passes is not predicted, only its fate. */
    private static Mutation email(ObjectNode node, String name, String pointer, String hostile, Random random) {
        String value = random.nextBoolean() ? hostile + "@example.com" : "lucia@" + hostile + ".example";
        node.put(name, value);
        return new Mutation(name, false, true, Map.of(pointer, value));
    }

    // ---------------------------------------------------------------- sending and checking

    private static List<String> endpoints() {
        return List.of("/api/v1/tickets", "/api/v1/tickets/{id}/interactions", "/api/v1/events");
    }

    private HttpResponse<String> send(Case c) throws Exception {
        HttpRequest.Builder builder = request(c.path(), c.apiKey(), c.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.idempotencyKey() != null) {
            builder.header("Idempotency-Key", c.idempotencyKey());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String key, String contentType, byte[] body) throws Exception {
        String resolved = path.replace("{id}", SampleEvents.newTicketId());
        return http.send(request(resolved, key, contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String key, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            builder.header("X-Api-Key", key);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder;
    }

    /** Writes one request by hand, so header bytes no HTTP client would send reach the server. */
    private int rawPost(String path, String headerLine, String body) throws Exception {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        return raw(path, headerLine + "\r\nContent-Length: " + payload.length, payload).status();
    }

    /** A raw answer: status 0 when the server closed the connection without one. */
    record RawAnswer(int status, String contentType, String body) {
    }

    /**
     * Sends a request head with {@code headerLines} (which frame the body) and then {@code body}, and reads the whole
     * answer; the connection is closed after it. A write the server cut short is fine: the answer is what counts.
     */
    private RawAnswer raw(String path, String headerLines, byte[] body) throws Exception {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + SampleEvents.KEY_A
                + "\r\nContent-Type: application/json\r\n" + headerLines + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (java.io.IOException e) {
                // the server answered and closed before reading everything
            }
            byte[] all;
            try {
                all = socket.getInputStream().readAllBytes();
            } catch (java.io.IOException e) {
                all = new byte[0];
            }
            String text = new String(all, StandardCharsets.ISO_8859_1);
            while (text.startsWith("HTTP/1.1 1") && text.contains("\r\n\r\n")) {
                text = text.substring(text.indexOf("\r\n\r\n") + 4); // an interim 100 Continue
            }
            if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
                return new RawAnswer(0, "", text);
            }
            int split = text.indexOf("\r\n\r\n");
            String headers = split < 0 ? text : text.substring(0, split);
            String contentType = headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            String answerBody = split < 0
                    ? ""
                    : new String(all, all.length - (text.length() - split - 4),
                            text.length() - split - 4, StandardCharsets.UTF_8);
            return new RawAnswer(Integer.parseInt(text.substring(9, 12)), contentType, answerBody);
        }
    }

    private static void assertAnswer(Case c, HttpResponse<String> answer, String context) throws Exception {
        int status = answer.statusCode();
        assertThat(status).as(context).isLessThan(500);
        switch (c.expect()) {
            case ACCEPTED -> assertThat(status).as(context).isEqualTo(202);
            case BAD_REQUEST -> assertProblem(answer, 400, context);
            case UNAUTHORIZED -> assertProblem(answer, 401, context);
            case UNSUPPORTED_MEDIA_TYPE -> assertProblem(answer, 415, context);
            case ANY_4XX -> assertProblem(answer, status, context);
            case ACCEPTED_OR_4XX -> {
                if (status != 202) {
                    assertProblem(answer, status, context);
                }
            }
        }
    }

    static void assertProblem(HttpResponse<String> answer, int status, String context) throws Exception {
        assertThat(answer.statusCode()).as(context).isEqualTo(status).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type")).as(context).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = SampleEvents.JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).as(context).isEqualTo(status);
        assertThat(problem.path("title").asText()).as(context).isNotBlank();
        assertThat(problem.path("detail").asText()).as(context).isNotBlank();
    }

    /**
     * The body as UTF-8; a body carrying an unpaired surrogate is sent with non-ASCII escaped ({@code \\uD800}), the
     * only way such text reaches the server rather than being replaced by '?' in encoding.
     */
    private static byte[] bytes(JsonNode json) {
        String text = json.toString();
        if (!HostileText.unstorable(text.replace("\u0000", ""))) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return ESCAPING.writeValueAsBytes(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper ESCAPING = com.fasterxml.jackson.databind.json.JsonMapper
            .builder().enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();
}
