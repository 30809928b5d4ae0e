package dev.promesa.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.PostgresDatabase;
import dev.promesa.testsupport.webhook.DeskFixtures;
import dev.promesa.testsupport.webhook.DeskSigner;

/**
 * The help desks' own webhooks, end to end: intake-service and followup-service as processes from their packaged
 * jars, four sources (one per desk, each with its webhook secret at intake and its own API key at followup). Each
 * desk's fixtures (test-support's {@link DeskFixtures}, the files intake's own webhook tests use) are posted to
 * {@code POST /api/v1/webhooks/{desk}/{source}} signed as the desk signs them, then read back from followup: the
 * ticket (subject, status and priority by the documented defaults, requester, assignee, team, channel), its timeline
 * (public and internal comments, authors' roles, HTML and ADF as text) and the promise the agent wrote in a reply
 * (an OPEN commitment of origin TEXT). Expected values are read from the fixture files; only the documented mapping
 * tables ({@link Documented}) and the kinds of entry are written here.
 * <p>
 * In every desk's story, the first delivery is delivered again exactly as it was (the desk's retry: same body, same
 * headers) and must stay one timeline entry, and a forged delivery (the story's last body, signed with another
 * secret) is refused with 401 before the rest is posted. All of a ticket's events share a Kafka partition, so once
 * the story's last entry is on the timeline everything posted before it has been applied: the timeline is then
 * exactly the story's entries in the order posted. A forged delivery that had got through would be an extra entry
 * (Zammad, Jira: its own delivery id) or the last entry in the second place (Zendesk, Freshdesk: their ids come from
 * the body), so no sleep is needed to show that it never arrives.
 */
class WebhooksToFollowupTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS.mappedFeature());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid"); // the default policy calendar's zone

    /** One help desk as Promesa knows it: the desk, the source, the secret it signs with, the key that reads it. */
    private record Source(String desk, String name, String secret, String apiKey) {
    }

    private static final Source ZAMMAD = new Source("zammad", "acme-zammad", "zammad-e2e-token", "acme-zammad-key");
    private static final Source JIRA = new Source("jira", "acme-jira", "jira-e2e-secret", "acme-jira-key");
    private static final Source ZENDESK = new Source("zendesk", "acme-zendesk", "zendesk-e2e-signing-secret",
            "acme-zendesk-key");
    private static final Source FRESHDESK = new Source("freshdesk", "acme-freshdesk", "freshdesk-e2e-secret",
            "acme-freshdesk-key");
    private static final List<Source> SOURCES = List.of(ZAMMAD, JIRA, ZENDESK, FRESHDESK);

    private static ServiceProcess intake;
    private static ServiceProcess followup;

    @BeforeAll
    static void startIntakeAndFollowup() {
        KafkaBroker kafka = KafkaBroker.shared();
        PostgresDatabase db = PostgresDatabase.create();
        Map<String, String> common = Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.log.console.format", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] %s%e%n");

        Map<String, String> intakeConfig = new HashMap<>(common);
        SOURCES.forEach(s -> intakeConfig.put("promesa.sources." + s.name() + ".webhook-secret", s.secret()));
        Map<String, String> followupConfig = new HashMap<>(common);
        followupConfig.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        followupConfig.put("quarkus.datasource.username", db.username());
        followupConfig.put("quarkus.datasource.password", db.password() == null ? "" : db.password());
        String keys = String.join(",", SOURCES.stream().map(s -> ApiKey.entry(s.name(), s.apiKey())).toList());

        // the same keys at both, as an operator configures a source (intake needs none for webhooks)
        followup = ServiceProcess.start("followup-service", "webhooks-followup", followupConfig,
                Map.of("PROMESA_API_KEYS", keys));
        intake = ServiceProcess.start("intake-service", "webhooks-intake", intakeConfig,
                Map.of("PROMESA_API_KEYS", keys));
        for (ServiceProcess service : List.of(followup, intake)) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .alias(service.name + " ready").until(service::ready);
        }
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess service : new ServiceProcess[]{intake, followup}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void zammadTicketArticlesAndWrittenPromise() {
        JsonNode customerMail = fixture(ZAMMAD, "customer-email-html.json");
        JsonNode reply = fixture(ZAMMAD, "agent-public-reply.json");
        JsonNode note = fixture(ZAMMAD, "agent-internal-note.json");
        Story story = tell(ZAMMAD, text(customerMail, "/ticket/number"), List.of(
                // origin_by_id is null: the customer wrote it themselves
                new Step("customer-email-html.json", true, new Entry("USER_MESSAGE", "PUBLIC", "USER",
                        text(customerMail, "/article/created_by_id"), at(customerMail, "/article/created_at"),
                        html(text(customerMail, "/article/body")))),
                new Step("agent-public-reply.json", true, new Entry("AGENT_REPLY", "PUBLIC", "AGENT",
                        text(reply, "/article/created_by_id"), at(reply, "/article/created_at"),
                        html(text(reply, "/article/body")))),
                new Step("agent-internal-note.json", true, new Entry("INTERNAL_NOTE", "INTERNAL", "AGENT",
                        text(note, "/article/created_by_id"), at(note, "/article/created_at"),
                        exactly(text(note, "/article/body"))))));

        JsonNode t = note.get("ticket"); // the latest snapshot
        assertTicket(story.ticket(), new Expected(text(t, "/title"), Documented.status("zammad", text(t, "/state")),
                Documented.priority("zammad", text(t, "/priority/name")), "EMAIL", text(t, "/group/name"),
                zammadPerson(t.get("customer")), zammadPerson(t.get("owner"))));
        // "Le escribo antes de las 11:00": the agent is the assignee but Zammad gives no zone: the calendar's
        Instant writtenAt = at(reply, "/article/created_at");
        assertWrittenPromise(story, 1, sentence(text(reply, "/article/body"),
                "Le escribo antes de las 11:00 con el resultado."), "UPDATE",
                ZonedDateTime.ofInstant(writtenAt, MADRID).with(LocalTime.of(11, 0)).toInstant());

        // a phone ticket in a state and priority of the desk's own: the fallbacks; a customer without e-mail, no owner
        JsonNode phone = fixture(ZAMMAD, "phone-customer-unknown-state.json").get("ticket");
        assertThat(deliver(ZAMMAD, "phone-customer-unknown-state.json", "zammad-phone").eventIds()).hasSize(1);
        assertTicket(awaitTicket(ZAMMAD, text(phone, "/number")), new Expected(text(phone, "/title"),
                Documented.status("zammad", text(phone, "/state")),
                Documented.priority("zammad", text(phone, "/priority/name")), "PHONE", text(phone, "/group/name"),
                zammadPerson(phone.get("customer")), zammadPerson(phone.get("owner"))));
        assertThat(text(phone, "/customer/email")).as("the fixture's customer has no e-mail").isNull();
        // a System article (auto-reply) is no interaction: the snapshot alone was published
        JsonNode system = fixture(ZAMMAD, "system-notification.json").get("ticket");
        assertThat(deliver(ZAMMAD, "system-notification.json", "zammad-system").eventIds()).hasSize(1);
        assertThat(awaitTicket(ZAMMAD, text(system, "/number")).path("priority").asText())
                .isEqualTo(Documented.priority("zammad", text(system, "/priority/name")));
        assertThat(timeline(ZAMMAD, text(system, "/number"))).isEmpty();
    }

    @Test
    void jiraIssueCommentsAdfAndWrittenPromise() {
        JsonNode created = fixture(JIRA, "issue-created.json");
        JsonNode adf = fixture(JIRA, "comment-created-public-adf.json");
        JsonNode internal = fixture(JIRA, "comment-created-internal.json");
        JsonNode customer = fixture(JIRA, "comment-created-customer.json");
        Story story = tell(JIRA, text(created, "/issue/key"), List.of(
                new Step("issue-created.json", true, null),
                // comment events carry a reduced issue (no reporter): an interaction only
                new Step("comment-created-public-adf.json", false, new Entry("AGENT_REPLY", "PUBLIC", "AGENT",
                        text(adf, "/comment/author/accountId"), at(adf, "/comment/created"),
                        adf(adf.at("/comment/body")))),
                new Step("comment-created-internal.json", false, new Entry("INTERNAL_NOTE", "INTERNAL", "AGENT",
                        text(internal, "/comment/author/accountId"), at(internal, "/comment/created"),
                        exactly(text(internal, "/comment/body")))),
                // a customer's comment with its complete issue: snapshot and interaction
                new Step("comment-created-customer.json", true, new Entry("USER_MESSAGE", "PUBLIC", "USER",
                        text(customer, "/comment/author/accountId"), at(customer, "/comment/created"),
                        wiki(text(customer, "/comment/body"))))));

        JsonNode f = customer.at("/issue/fields"); // the latest snapshot
        // its assignee comes without timeZone: the zone issue-created gave is kept, not wiped
        assertThat(text(f, "/assignee/timeZone")).as("the fixture's latest assignee has no zone").isNull();
        Who assignee = jiraPerson(f.get("assignee"));
        assignee = new Who(assignee.id(), assignee.name(), assignee.email(),
                text(created, "/issue/fields/assignee/timeZone"));
        assertTicket(story.ticket(), new Expected(text(f, "/summary"),
                Documented.jiraStatus(text(f, "/status/name"), text(f, "/status/statusCategory/key")),
                Documented.priority("jira", text(f, "/priority/name")), "WEB", text(f, "/project/key"),
                jiraPerson(f.get("reporter")), assignee));
        assertThat(text(f, "/reporter/emailAddress")).as("Jira hid the reporter's e-mail").isNull();
        assertThat(text(story.ticket(), "/requester/name")).as("the requester, known without e-mail").isNotNull();
        // the reply's author is the assignee, whose zone issue-created gave: 11:00 in New York
        ZoneId agentZone = ZoneId.of(text(created, "/issue/fields/assignee/timeZone"));
        assertWrittenPromise(story, 1, sentence(adfText(adf.at("/comment/body")),
                "Le escribo antes de las 11:00 con el resultado."), "UPDATE",
                ZonedDateTime.ofInstant(at(adf, "/comment/created"), agentZone).with(LocalTime.of(11, 0)).toInstant());

        // a status of the site's own workflow falls back to its category; an unknown priority to P3
        JsonNode vendor = fixture(JIRA, "issue-updated-unknown-status.json").at("/issue");
        deliver(JIRA, "issue-updated-unknown-status.json", "jira-vendor");
        JsonNode vf = vendor.get("fields");
        assertTicket(awaitTicket(JIRA, text(vendor, "/key")), new Expected(text(vf, "/summary"),
                Documented.jiraStatus(text(vf, "/status/name"), text(vf, "/status/statusCategory/key")),
                Documented.priority("jira", text(vf, "/priority/name")), "WEB", text(vf, "/project/key"),
                jiraPerson(vf.get("reporter")), null));

        // each key reads its own source only
        assertThat(status(ZAMMAD, "/api/v1/tickets/" + story.ticketId())).isEqualTo(404);
    }

    @Test
    void zendeskTriggersPrivateNoteAndWrittenPromise() {
        JsonNode agent = fixture(ZENDESK, "trigger-agent-public.json");
        JsonNode endUser = fixture(ZENDESK, "trigger-end-user-reply.json");
        JsonNode privateNote = fixture(ZENDESK, "trigger-private-note-pending.json");
        // Zendesk's template has no comment time: the ticket's update time
        Story story = tell(ZENDESK, text(agent, "/ticket/id"), List.of(
                new Step("trigger-agent-public.json", true, new Entry("AGENT_REPLY", "PUBLIC", "AGENT",
                        text(agent, "/comment/author_id"), at(agent, "/ticket/updated_at"),
                        exactly(text(agent, "/comment/body")))),
                new Step("trigger-end-user-reply.json", true, new Entry("USER_MESSAGE", "PUBLIC", "USER",
                        text(endUser, "/comment/author_id"), at(endUser, "/ticket/updated_at"),
                        exactly(text(endUser, "/comment/body")))),
                new Step("trigger-private-note-pending.json", true, new Entry("INTERNAL_NOTE", "INTERNAL", "AGENT",
                        text(privateNote, "/comment/author_id"), at(privateNote, "/ticket/updated_at"),
                        html(text(privateNote, "/comment/body"))))));

        JsonNode t = privateNote.get("ticket");
        assertTicket(story.ticket(), new Expected(text(t, "/subject"), Documented.status("zendesk", text(t, "/status")),
                Documented.priority("zendesk", text(t, "/priority")), "EMAIL", text(t, "/group"),
                plainPerson(t.get("requester")), plainPerson(t.get("assignee"))));
        assertWrittenPromise(story, 0, sentence(text(agent, "/comment/body"),
                "Le escribo antes de las 13:00 con novedades."), "UPDATE",
                ZonedDateTime.ofInstant(at(agent, "/ticket/updated_at"), MADRID).with(LocalTime.of(13, 0))
                        .toInstant());

        // an automation (no comment) in a custom status, no priority, a requester without e-mail, nobody assigned
        JsonNode automation = fixture(ZENDESK, "automation-unknown-status.json").get("ticket");
        assertThat(deliver(ZENDESK, "automation-unknown-status.json", null).eventIds()).hasSize(1);
        assertTicket(awaitTicket(ZENDESK, text(automation, "/id")), new Expected(text(automation, "/subject"),
                Documented.status("zendesk", text(automation, "/status")),
                Documented.priority("zendesk", text(automation, "/priority")), "WEB", null,
                new Who(text(automation, "/requester/id"), text(automation, "/requester/name"), null, null), null));
        // Zendesk put the comment's line break into the JSON string as it is
        JsonNode raw = fixture(ZENDESK, "trigger-raw-line-breaks.json");
        String rawComment = last(deliver(ZENDESK, "trigger-raw-line-breaks.json", null).eventIds());
        JsonNode entry = awaitEntry(ZENDESK, text(raw, "/ticket/id"), rawComment);
        assertThat(entry.path("body").asText()).isEqualTo(text(raw, "/comment/body")).contains("\n");
        assertThat(ticket(ZENDESK, text(raw, "/ticket/id")).path("subject").asText())
                .isEqualTo(text(raw, "/ticket/subject"));
    }

    @Test
    void freshdeskRulesPrivateNoteAndWrittenPromise() {
        JsonNode created = fixture(FRESHDESK, "ticket-created.json");
        JsonNode agentReply = fixture(FRESHDESK, "agent-reply.json");
        JsonNode customerReply = fixture(FRESHDESK, "customer-reply.json");
        JsonNode privateNote = fixture(FRESHDESK, "private-note.json");
        // people are known by e-mail; a comment's time is the ticket's update time
        Story story = tell(FRESHDESK, text(created, "/ticket/id"), List.of(
                new Step("ticket-created.json", true, null),
                new Step("agent-reply.json", true, new Entry("AGENT_REPLY", "PUBLIC", "AGENT",
                        text(agentReply, "/ticket/agent/email"), at(agentReply, "/ticket/updated_at"),
                        html(withoutFreshdeskAuthor(agentReply)))),
                new Step("customer-reply.json", true, new Entry("USER_MESSAGE", "PUBLIC", "USER",
                        text(customerReply, "/ticket/requester/email"), at(customerReply, "/ticket/updated_at"),
                        html(withoutFreshdeskAuthor(customerReply)))),
                new Step("private-note.json", true, new Entry("INTERNAL_NOTE", "INTERNAL", "AGENT",
                        text(privateNote, "/ticket/agent/email"), at(privateNote, "/ticket/updated_at"),
                        html(withoutFreshdeskAuthor(privateNote))))));

        JsonNode t = privateNote.get("ticket");
        assertThat(text(t, "/subject")).contains("&amp;");
        assertTicket(story.ticket(), new Expected(text(t, "/subject").replace("&amp;", "&"),
                Documented.status("freshdesk", text(t, "/status")),
                Documented.priority("freshdesk", text(t, "/priority")), "WEB", text(t, "/group"),
                freshdeskPerson(t.get("requester")), freshdeskPerson(t.get("agent"))));
        // "Le llamo mañana antes de las 10:00": written on a Thursday, due Friday at 10 in the calendar's zone
        Instant writtenAt = at(agentReply, "/ticket/updated_at");
        assertWrittenPromise(story, 1, sentence(withoutFreshdeskAuthor(agentReply),
                "Le llamo mañana antes de las 10:00 para coordinar la entrega."), "CALLBACK",
                ZonedDateTime.ofInstant(writtenAt, MADRID).plusDays(1).with(LocalTime.of(10, 0)).toInstant());
    }

    // ---- the story: deliveries, a redelivery, a forged delivery, then followup's view

    /** One delivery: its fixture, whether it is a snapshot, and the timeline entry it must make (null: none). */
    private record Step(String fixture, boolean snapshot, Entry entry) {
    }

    /** A timeline entry as followup must show it; {@code body} checks the text. */
    private record Entry(String kind, String visibility, String authorRole, String authorId, Instant occurredAt,
            Consumer<String> body) {
    }

    /** What was posted (each step's event ids, as intake answered them) and the ticket as followup ended up. */
    private record Story(String ticketId, List<List<String>> eventIds, JsonNode ticket) {
        String commentOf(int step) {
            return last(eventIds.get(step));
        }
    }

    private static Story tell(Source source, String ticketId, List<Step> steps) {
        List<List<String>> ids = new ArrayList<>();
        Step first = steps.get(0);
        Delivery delivered = deliver(source, first.fixture(), source.desk() + "-" + ticketId + "-1");
        ids.add(delivered.eventIds());
        Delivery again = post(source, first.fixture(), delivered.headers());
        assertThat(again.status()).as("the desk's retry of %s answered %s", first.fixture(), again.body())
                .isEqualTo(202);
        assertThat(again.eventIds()).as("a redelivery carries the same event ids").isEqualTo(delivered.eventIds());

        String forgedFixture = steps.get(steps.size() - 1).fixture();
        byte[] forgedBody = DeskFixtures.bytes(source.desk(), forgedFixture);
        Delivery forged = post(source, forgedFixture, DeskSigner.headers(source.desk(), "not-" + source.secret(),
                forgedBody, source.desk() + "-" + ticketId + "-forged", Instant.now()));
        assertThat(forged.status()).as("forged %s answered %s", forgedFixture, forged.body()).isEqualTo(401);
        assertThat(forged.body().path("type").asText()).contains("webhook-bad-signature");

        for (int i = 1; i < steps.size(); i++) {
            ids.add(deliver(source, steps.get(i).fixture(), source.desk() + "-" + ticketId + "-" + (i + 1))
                    .eventIds());
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            assertThat(ids.get(i)).as("events of %s", step.fixture())
                    .hasSize((step.snapshot() ? 1 : 0) + (step.entry() != null ? 1 : 0));
            if (step.entry() != null) {
                expected.add(last(ids.get(i)));
            }
        }

        awaitEntry(source, ticketId, expected.get(expected.size() - 1));
        // the desk's own entries; Promesa's (a fixture's promise already late gets its apology's next step at once)
        // are not deliveries
        Set<String> deliveredIds = ids.stream().flatMap(List::stream).collect(Collectors.toSet());
        List<JsonNode> timeline = timeline(source, ticketId).stream()
                .filter(e -> deliveredIds.contains(e.path("eventId").asText())).toList();
        assertThat(timeline).extracting(e -> e.path("eventId").asText())
                .as("one entry per delivery, in the order posted: the retry changed nothing, the forged one never came")
                .containsExactlyElementsOf(expected);
        int entry = 0;
        for (Step step : steps) {
            if (step.entry() != null) {
                assertEntry(step, timeline.get(entry++));
            }
        }
        return new Story(ticketId, ids, ticket(source, ticketId));
    }

    private static void assertEntry(Step step, JsonNode actual) {
        Entry expected = step.entry();
        assertThat(actual.path("type").asText()).isEqualTo("INTERACTION");
        assertThat(List.of(actual.path("kind").asText(), actual.path("visibility").asText(),
                actual.path("authorRole").asText(), actual.path("authorId").asText()))
                .as("kind, visibility, author role and id of %s", step.fixture())
                .containsExactly(expected.kind(), expected.visibility(), expected.authorRole(), expected.authorId());
        assertThat(Instant.parse(actual.path("occurredAt").asText())).as("time of %s", step.fixture())
                .isEqualTo(expected.occurredAt());
        expected.body().accept(actual.path("body").asText());
    }

    /** Who a requester or assignee must be; null fields must be absent. */
    private record Who(String id, String name, String email, String timeZone) {
    }

    private record Expected(String subject, String status, String priority, String channel, String team,
            Who requester, Who assignee) {
    }

    private static void assertTicket(JsonNode ticket, Expected expected) {
        assertThat(ticket.path("placeholder").asBoolean()).as("a snapshot was applied").isFalse();
        assertThat(List.of(ticket.path("subject").asText(), ticket.path("status").asText(),
                ticket.path("priority").asText(), ticket.path("channel").asText()))
                .as("subject, status, priority, channel of %s", ticket.path("ticketId").asText())
                .containsExactly(expected.subject(), expected.status(), expected.priority(), expected.channel());
        assertThat(text(ticket, "/team")).as("team").isEqualTo(expected.team());
        assertThat(who(ticket.get("requester"))).as("requester").isEqualTo(expected.requester());
        assertThat(who(ticket.get("assignee"))).as("assignee").isEqualTo(expected.assignee());
    }

    /** The reply of {@code step} made one OPEN promise of origin TEXT, quoted as written, due as the rules say. */
    private static void assertWrittenPromise(Story story, int step, String quote, String kind, Instant dueAt) {
        String madeBy = story.commentOf(step);
        List<JsonNode> made = StreamSupport.stream(story.ticket().path("commitments").spliterator(), false)
                .filter(c -> madeBy.equals(c.path("madeByEventId").asText())).toList();
        assertThat(made).as("promises made by %s", madeBy).hasSize(1);
        JsonNode promise = made.get(0);
        assertThat(List.of(promise.path("state").asText(), promise.path("origin").asText(),
                promise.path("kind").asText(), promise.path("promisedTo").asText(), promise.path("quote").asText()))
                .containsExactly("OPEN", "TEXT", kind, "USER", quote);
        assertThat(Instant.parse(promise.path("dueAt").asText())).as("due").isEqualTo(dueAt);
    }

    // ---- what the fixtures say

    private static JsonNode fixture(Source source, String name) {
        try {
            return JSON.readTree(DeskFixtures.bytes(source.desk(), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text at {@code pointer}; null when absent, null or empty. */
    private static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static Instant at(JsonNode node, String pointer) {
        String written = text(node, pointer);
        try {
            return Instant.parse(written);
        } catch (DateTimeParseException notIso) {
            String offset = written.replaceAll(" UTC$", " +0000"); // Freshdesk writes either
            for (String pattern : List.of("yyyy-MM-dd'T'HH:mm:ss.SSSZ", "yyyy-MM-dd HH:mm:ss Z")) {
                try {
                    return OffsetDateTime.parse(offset, DateTimeFormatter.ofPattern(pattern)).toInstant();
                } catch (DateTimeParseException e) {
                    // the next pattern
                }
            }
            throw new IllegalArgumentException(pointer + ": '" + written + "' is no time this test reads");
        }
    }

    /** {@code sentence}, after checking that the fixture's text holds it. */
    private static String sentence(String fixtureText, String sentence) {
        assertThat(fixtureText).as("the fixture").contains(sentence);
        return sentence;
    }

    private static Who zammadPerson(JsonNode person) {
        if (person == null || !person.has("id") || "-".equals(text(person, "/login"))) {
            return null; // Zammad's system user: nobody
        }
        return new Who(text(person, "/id"), (text(person, "/firstname") + " " + text(person, "/lastname")).strip(),
                text(person, "/email"), null);
    }

    private static Who jiraPerson(JsonNode person) {
        return person == null || person.isNull()
                ? null
                : new Who(text(person, "/accountId"), text(person, "/displayName"), text(person, "/emailAddress"),
                        text(person, "/timeZone"));
    }

    private static Who plainPerson(JsonNode person) {
        return new Who(text(person, "/id"), text(person, "/name"), text(person, "/email"), null);
    }

    private static Who freshdeskPerson(JsonNode person) {
        return new Who(text(person, "/email"), text(person, "/name"), text(person, "/email"), null);
    }

    /** Freshdesk writes a comment as {@code "<author name> : <body HTML>"}; the name is not the body. */
    private static String withoutFreshdeskAuthor(JsonNode delivery) {
        String comment = text(delivery, "/comment/body");
        return comment.substring(comment.indexOf(" : ") + 3);
    }

    private static Who who(JsonNode person) {
        return person == null || person.isNull()
                ? null
                : new Who(text(person, "/id"), text(person, "/name"), text(person, "/email"),
                        text(person, "/timeZone"));
    }

    // ---- what the bodies must become

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern BLOCKQUOTE = Pattern.compile("<blockquote[^>]*>(.*?)</blockquote>", Pattern.DOTALL);

    private static Consumer<String> exactly(String text) {
        return body -> assertThat(body).isEqualTo(text);
    }

    /** HTML as text: no tags left, every piece of text kept, quoted history as "> " lines. */
    private static Consumer<String> html(String html) {
        return body -> {
            assertThat(body).as("HTML as text").doesNotContainPattern("<[a-zA-Z/][^>]*>");
            for (String piece : TAG.split(html)) {
                if (!piece.isBlank()) {
                    assertThat(body).contains(piece.strip());
                }
            }
            Matcher quote = BLOCKQUOTE.matcher(html);
            while (quote.find()) {
                for (String piece : TAG.split(quote.group(1))) {
                    if (!piece.isBlank()) {
                        assertThat(body).as("quoted history").contains("> " + piece.strip());
                    }
                }
            }
        };
    }

    /** An ADF document as text: every text node and mention kept, blockquotes as "> " lines, no JSON. */
    private static Consumer<String> adf(JsonNode document) {
        return body -> {
            assertThat(body).doesNotContain("\"type\"");
            collect(document, false, (text, quoted) -> assertThat(body).contains(quoted ? "> " + text : text));
        };
    }

    /** The ADF document's text nodes, one per line (enough for {@link #sentence}). */
    private static String adfText(JsonNode document) {
        StringBuilder text = new StringBuilder();
        collect(document, false, (piece, quoted) -> text.append(piece).append('\n'));
        return text.toString();
    }

    private interface TextVisitor {
        void visit(String text, boolean quoted);
    }

    private static void collect(JsonNode node, boolean quoted, TextVisitor visitor) {
        String type = node.path("type").asText();
        if (type.equals("text")) {
            visitor.visit(node.path("text").asText(), quoted);
        } else if (type.equals("mention")) {
            visitor.visit(node.at("/attrs/text").asText(), quoted);
        }
        for (JsonNode child : node.path("content")) {
            collect(child, quoted || type.equals("blockquote"), visitor);
        }
    }

    /** Jira's wiki markup as text: {quote} blocks and "bq. " lines as "> " lines, the rest as written. */
    private static Consumer<String> wiki(String wiki) {
        return body -> {
            Matcher quote = Pattern.compile("\\{quote\\}(.*?)\\{quote\\}", Pattern.DOTALL).matcher(wiki);
            while (quote.find()) {
                assertThat(body).contains("> " + quote.group(1).strip());
            }
            Matcher bq = Pattern.compile("(?m)^bq\\. (.*)$").matcher(wiki);
            while (bq.find()) {
                assertThat(body).contains("> " + bq.group(1).strip());
            }
            assertThat(body).doesNotContain("{quote}").doesNotContain("bq. ")
                    .startsWith(wiki.substring(0, wiki.indexOf('\n')));
        };
    }

    /**
     * The defaults docs/webhooks/&lt;desk&gt;.md documents (names compared case-insensitively), as far as the fixtures
     * use them, and each desk's fallback.
     */
    private static final class Documented {
        private static final Map<String, Map<String, String>> PRIORITIES = Map.of(
                "zammad", Map.of("1 low", "P4", "2 normal", "P3", "3 high", "P2"),
                "zendesk", Map.of("low", "P4", "normal", "P3", "high", "P2", "urgent", "P1"),
                "freshdesk", Map.of("low", "P4", "medium", "P3", "high", "P2", "urgent", "P1"),
                "jira", Map.of("lowest", "P4", "low", "P4", "medium", "P3", "high", "P2", "highest", "P1"));
        private static final Map<String, Map<String, String>> STATUSES = Map.of(
                "zammad", Map.of("new", "NEW", "open", "OPEN", "pending reminder", "WAITING_ON_USER",
                        "pending close", "RESOLVED", "closed", "CLOSED"),
                "zendesk", Map.of("new", "NEW", "open", "OPEN", "pending", "WAITING_ON_USER",
                        "on-hold", "WAITING_ON_THIRD_PARTY", "solved", "RESOLVED", "closed", "CLOSED"),
                "freshdesk", Map.of("open", "OPEN", "pending", "WAITING_ON_USER",
                        "waiting on third party", "WAITING_ON_THIRD_PARTY", "resolved", "RESOLVED",
                        "closed", "CLOSED"),
                "jira", Map.of("to do", "NEW", "waiting for support", "OPEN", "in progress", "OPEN",
                        "waiting for customer", "WAITING_ON_USER", "pending", "WAITING_ON_THIRD_PARTY",
                        "done", "RESOLVED", "closed", "CLOSED"));
        private static final Map<String, String> JIRA_CATEGORIES = Map.of("new", "NEW", "indeterminate", "OPEN",
                "done", "RESOLVED");

        static String priority(String desk, String name) {
            return name == null ? "P3" : PRIORITIES.get(desk).getOrDefault(name.toLowerCase(), "P3");
        }

        static String status(String desk, String name) {
            return name == null ? "OPEN" : STATUSES.get(desk).getOrDefault(name.toLowerCase(), "OPEN");
        }

        static String jiraStatus(String name, String category) {
            String byName = STATUSES.get("jira").get(name.toLowerCase());
            return byName != null ? byName : JIRA_CATEGORIES.getOrDefault(category, "OPEN");
        }
    }

    // ---- HTTP

    private record Delivery(int status, List<String> eventIds, JsonNode body, Map<String, String> headers) {
    }

    /** Posts a fixture signed as its desk signs it, now, and requires 202. */
    private static Delivery deliver(Source source, String fixture, String deliveryId) {
        byte[] body = DeskFixtures.bytes(source.desk(), fixture);
        Delivery delivery = post(source, fixture, DeskSigner.headers(source.desk(), source.secret(), body,
                deliveryId, Instant.now()));
        assertThat(delivery.status()).as("%s/%s answered %s", source.desk(), fixture, delivery.body())
                .isEqualTo(202);
        return delivery;
    }

    private static Delivery post(Source source, String fixture, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(intake.url("/api/v1/webhooks/" + source.desk() + "/"
                + source.name())).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(DeskFixtures.bytes(source.desk(), fixture)));
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build());
        JsonNode answer = json(response.body());
        List<String> ids = new ArrayList<>();
        answer.path("eventIds").forEach(id -> ids.add(id.asText()));
        return new Delivery(response.statusCode(), ids, answer, headers);
    }

    private static JsonNode awaitTicket(Source source, String ticketId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .alias(source.name() + " ticket " + ticketId + " in followup")
                .until(() -> status(source, "/api/v1/tickets/" + ticketId) == 200);
        return ticket(source, ticketId);
    }

    private static JsonNode awaitEntry(Source source, String ticketId, String eventId) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .alias(source.name() + " ticket " + ticketId + ": entry " + eventId + " on the timeline")
                .until(() -> {
                    found.clear();
                    if (status(source, "/api/v1/tickets/" + ticketId) == 200) {
                        timeline(source, ticketId).stream()
                                .filter(e -> eventId.equals(e.path("eventId").asText())).forEach(found::add);
                    }
                    return !found.isEmpty();
                });
        return found.get(0);
    }

    private static JsonNode ticket(Source source, String ticketId) {
        return get(source, "/api/v1/tickets/" + ticketId);
    }

    private static List<JsonNode> timeline(Source source, String ticketId) {
        List<JsonNode> entries = new ArrayList<>();
        get(source, "/api/v1/tickets/" + ticketId + "/timeline").forEach(entries::add);
        return entries;
    }

    private static JsonNode get(Source source, String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(followup.url(path))
                .header(ApiKey.HEADER, source.apiKey()).build());
        assertThat(response.statusCode()).as("GET %s answered %s", path, response.body()).isEqualTo(200);
        return json(response.body());
    }

    private static int status(Source source, String path) {
        return send(HttpRequest.newBuilder(followup.url(path)).header(ApiKey.HEADER, source.apiKey()).build())
                .statusCode();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode().put("unreadable", text);
        }
    }

    private static String last(List<String> ids) {
        return ids.get(ids.size() - 1);
    }
}
