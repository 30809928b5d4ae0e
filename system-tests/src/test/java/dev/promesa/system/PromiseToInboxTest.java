package dev.promesa.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.MailCatcher;
import dev.promesa.testsupport.PostgresDatabase;
import dev.promesa.testsupport.SmtpServer;

/**
 * The whole chain, each service a separate process from its packaged jar: a promise posted to intake ends as the
 * agent's emails, then the user's, then the lead's and manager's, each exactly once, while followup runs as two
 * replicas and one of them is killed (SIGKILL) after the promise was taken in. Two help desks post the same ticket id
 * and commitment id at once: each gets its own ticket and its own emails, from its own sender and team directory,
 * and neither key reads the other's data.
 */
class PromiseToInboxTest {
    private static final String AGENT = "jorge.ruiz@example.com";
    private static final String USER = "lucia.fernandez@example.com";
    private static final String LEAD = "lead@example.com";
    private static final String MANAGER = "manager@example.com";
    private static final String OTHER_AGENT = "sam.patel@other.example";
    private static final String OTHER_USER = "john.carter@other.example";
    private static final String OTHER_LEAD = "lead@other.example";
    private static final String OTHER_MANAGER = "manager@other.example";
    /** The desk whose promise was written only in the reply's words, with a team of its own. */
    private static final String TEXT_AGENT = "ana.gil@example.com";
    private static final String TEXT_USER = "marta.sanz@example.com";
    private static final String TEXT_LEAD = "lead.print@example.com";
    private static final String TEXT_MANAGER = "manager.print@example.com";
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess intake;
    private static ServiceProcess followupA;
    private static ServiceProcess followupB;
    private static ServiceProcess notifier;

    @BeforeAll
    static void startTheSystem() {
        KafkaBroker kafka = KafkaBroker.shared();
        SmtpServer smtp = SmtpServer.shared();
        PostgresDatabase followupDb = PostgresDatabase.create();
        PostgresDatabase notifierDb = PostgresDatabase.create();

        Map<String, String> common = Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.log.console.format", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] %s%e%n");
        Map<String, String> followup = new HashMap<>(common);
        followup.putAll(Desk.database(followupDb));
        followup.putAll(Map.of(
                "promesa.commitments.due-soon-lead", "PT4S",
                "promesa.commitments.user-grace", "PT4S",
                "promesa.commitments.escalation-delay", "PT6S",
                "promesa.due-check.interval", "PT0.2S",
                // a killed replica's partitions move to the survivor after this, not after the 45 s default
                "mp.messaging.incoming.helpdesk-events.session.timeout.ms", "6000",
                "mp.messaging.incoming.helpdesk-events.heartbeat.interval.ms", "1000"));
        Map<String, String> notifierConfig = new HashMap<>(common);
        notifierConfig.putAll(Desk.database(notifierDb));
        notifierConfig.putAll(Map.of(
                "quarkus.mailer.host", smtp.host(),
                "quarkus.mailer.port", String.valueOf(smtp.port()),
                "quarkus.mailer.from", "Promesa <promesa@example.com>",
                "promesa.ticket-url-template", "https://desk.example.com/t/{ticketId}",
                "promesa.teams.service-desk.lead", LEAD,
                "promesa.teams.service-desk.manager", MANAGER,
                "promesa.sources." + ApiKey.OTHER_SOURCE + ".mail-from", "Other Desk <help@other.example>",
                "promesa.sources." + ApiKey.OTHER_SOURCE + ".teams.service-desk.lead", OTHER_LEAD,
                "promesa.sources." + ApiKey.OTHER_SOURCE + ".teams.service-desk.manager", OTHER_MANAGER));
        // one email per alert, at once, as this run counts them: gathered apologies and staff digests (carriers) are
        // notifier's CarriersTest's
        notifierConfig.putAll(Map.of("promesa.notifications.user-window", "PT0S",
                "promesa.notifications.user-gather", "PT0S", "promesa.notifications.staff-burst-window", "PT0S"));
        notifierConfig.putAll(Map.of("promesa.teams.printing.lead", TEXT_LEAD,
                "promesa.teams.printing.manager", TEXT_MANAGER));
        // staff emails are awaited within the run, whatever hour the build runs at: no working hours
        notifierConfig.put("promesa.notifications.staff-hours.enabled", "false");
        Map<String, String> intakeConfig = new HashMap<>(common); // API keys: ServiceProcess gives all the same one

        // Followup first, so its migrations run once before the second replica starts.
        followupA = started(ServiceProcess.start("followup-service", "followup-a", followup));
        Desk.awaitReady(followupA);
        followupB = started(ServiceProcess.start("followup-service", "followup-b", followup));
        notifier = started(ServiceProcess.start("notifier-service", "notifier", notifierConfig));
        intake = started(ServiceProcess.start("intake-service", "intake", intakeConfig));
        services.forEach(Desk::awaitReady);
    }

    @AfterAll
    static void stopTheSystem() {
        services.forEach(ServiceProcess::close);
    }

    @Test
    void forgottenPromiseReachesAgentThenUserThenLeadsExactlyOnceInEachDesk() throws Exception {
        SmtpServer smtp = SmtpServer.shared();
        smtp.reset();
        String ticketId = "T-E2E-" + System.currentTimeMillis();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Due far enough out that followup has taken the promise in before the due-soon moment (due − 4 s) even on a
        // slow machine: a promise seen after that moment rightly gets no COMMITMENT_DUE_SOON (seen in a loaded run).
        Instant due = now.plusSeconds(30);

        postPromise(ApiKey.VALUE, ticketId, now, due, USER, AGENT, "La VPN no conecta antes de la entrega");
        postPromise(ApiKey.OTHER_VALUE, ticketId, now, due, OTHER_USER, OTHER_AGENT, "VPN down before the deadline");
        // Promises written only in the replies' words, no commitment field: one due within the minute (written a
        // minute before this one began), and a callback for tomorrow.
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        String writtenId = ticketId + "-W";
        String callId = ticketId + "-C";
        Desk.postTicket(intake, ApiKey.VALUE, writtenId, minute.minusSeconds(120), TEXT_USER, TEXT_AGENT, "printing",
                "No puedo imprimir");
        Desk.postReply(intake, ApiKey.VALUE, writtenId, minute.minusSeconds(60),
                "Ya he reiniciado la cola de impresión. Le escribo en 2 minutos con el resultado.", null);
        Desk.postTicket(intake, ApiKey.VALUE, callId, now, TEXT_USER, TEXT_AGENT, "printing",
                "La impresora hace ruido");
        Desk.postReply(intake, ApiKey.VALUE, callId, now, "Le llamo mañana antes de las 10 para revisarla juntos.",
                null);

        // Taken in by followup (either replica answers from the shared database) ...
        await().atMost(Duration.ofSeconds(30)).until(() -> openCommitments(followupB, ApiKey.VALUE, ticketId) == 1
                && openCommitments(followupB, ApiKey.OTHER_VALUE, ticketId) == 1
                && openCommitments(followupB, ApiKey.VALUE, writtenId) == 1
                && openCommitments(followupB, ApiKey.VALUE, callId) == 1);
        // the callback: due at 10:00 on the next working day in the agent's zone (Madrid), not the user's (Mexico)
        JsonNode call = Desk.get(followupB, ApiKey.VALUE, "/api/v1/tickets/" + callId).path("commitments").get(0);
        assertThat(call.path("origin").asText()).isEqualTo("TEXT");
        assertThat(call.path("kind").asText()).isEqualTo("CALLBACK");
        assertThat(call.path("quote").asText()).isEqualTo("Le llamo mañana antes de las 10 para revisarla juntos.");
        assertThat(Instant.parse(call.path("dueAt").asText()))
                .isEqualTo(nextWorkingDay(now.atZone(MADRID).toLocalDate()).atTime(10, 0).atZone(MADRID).toInstant());
        // ... then one replica dies before anything is due. The other must do all the rest.
        followupA.kill();
        services.remove(followupA);

        smtp.awaitMessages(10, Duration.ofSeconds(120));
        // No waiting for "nothing more": notifier's log holds exactly one row per (alert, recipient) and sends a row
        // only until it is SENT. Once its log shows each desk's five rows SENT, every email it will ever send for
        // them is in the inbox, so the inbox count below is final. (ESCALATED 2 is the last alert of the promise, at
        // due + 12 s, and it is among the five.)
        for (String key : List.of(ApiKey.VALUE, ApiKey.OTHER_VALUE)) {
            List<JsonNode> items = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .alias("notifier's log: five notifications, all SENT").until(() -> {
                        items.clear();
                        Desk.get(notifier, key, "/api/v1/notifications?ticketId=" + ticketId).path("items")
                                .forEach(items::add);
                        return items.size() >= 5
                                && items.stream().allMatch(n -> "SENT".equals(n.path("state").asText()));
                    });
            assertThat(items).as("each key sees its own desk's five notifications").hasSize(5);
        }

        // the written promise, forgotten: the same emails as a structured one, the user's quoting the agent
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .alias("the written promise's emails to user, lead and manager SENT").until(() -> {
                    List<String> sent = new ArrayList<>();
                    Desk.get(notifier, ApiKey.VALUE, "/api/v1/notifications?ticketId=" + writtenId + "&state=SENT")
                            .path("items").forEach(n -> sent.add(n.path("recipient").asText()));
                    return sent.containsAll(List.of(TEXT_AGENT, TEXT_USER, TEXT_LEAD, TEXT_MANAGER));
                });
        assertThat(MailCatcher.partOf(mailTo(smtp, TEXT_USER), "text/plain"))
                .contains("Le escribo en 2 minutos con el resultado.");

        Map<String, Long> perRecipient = recipients(smtp.received());
        perRecipient.remove(TEXT_AGENT); // warned once or twice: whether its due-soon moment passed is up to the clock
        assertThat(perRecipient).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry(AGENT, 2L),
                Map.entry(USER, 1L), Map.entry(LEAD, 1L), Map.entry(MANAGER, 1L), Map.entry(OTHER_AGENT, 2L),
                Map.entry(OTHER_USER, 1L), Map.entry(OTHER_LEAD, 1L), Map.entry(OTHER_MANAGER, 1L),
                Map.entry(TEXT_USER, 1L), Map.entry(TEXT_LEAD, 1L), Map.entry(TEXT_MANAGER, 1L)));
        List<String> order = Arrays.stream(smtp.received()).map(PromiseToInboxTest::firstRecipient).toList();
        assertThat(order.indexOf(USER)).as("the user hears after the agent was warned, in %s", order)
                .isGreaterThan(order.indexOf(AGENT));
        MimeMessage userMail = mailTo(smtp, USER);
        assertThat(userMail.getContent().toString()).isNotBlank();
        assertThat(((InternetAddress) mailTo(smtp, OTHER_USER).getFrom()[0]).getAddress())
                .isEqualTo("help@other.example");
        assertThat(((InternetAddress) userMail.getFrom()[0]).getAddress()).isEqualTo("promesa@example.com");
        // replies reach the desk: its mailbox (here the sender's), the ticket reference, no auto-reply loops
        assertThat(((InternetAddress) userMail.getReplyTo()[0]).getAddress()).isEqualTo("promesa@example.com");
        assertThat(userMail.getSubject()).endsWith(" [#" + ticketId + "]");
        assertThat(userMail.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        // every email sent is on its ticket's timeline in followup, each desk's with its own recipients only
        for (String key : List.of(ApiKey.VALUE, ApiKey.OTHER_VALUE)) {
            List<String> expected = key.equals(ApiKey.VALUE)
                    ? List.of(AGENT, AGENT, USER, LEAD, MANAGER)
                    : List.of(OTHER_AGENT, OTHER_AGENT, OTHER_USER, OTHER_LEAD, OTHER_MANAGER);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .alias("five EMAIL_SENT entries on the timeline").untilAsserted(() -> {
                        List<String> emailed = new ArrayList<>();
                        Desk.get(followupB, key, "/api/v1/tickets/" + ticketId + "/timeline").forEach(entry -> {
                            if ("EMAIL_SENT".equals(entry.path("type").asText())) {
                                emailed.add(entry.path("recipient").asText());
                            }
                        });
                        assertThat(emailed).containsExactlyInAnyOrderElementsOf(expected);
                    });
        }

        // each desk reads its own ticket; the other's answers 404
        assertThat(Desk.get(followupB, ApiKey.VALUE, "/api/v1/tickets/" + ticketId).path("subject").asText())
                .isEqualTo("La VPN no conecta antes de la entrega");
        assertThat(Desk.get(followupB, ApiKey.OTHER_VALUE, "/api/v1/tickets/" + ticketId).path("subject").asText())
                .isEqualTo("VPN down before the deadline");
        assertThat(Desk.status(followupB, ApiKey.OTHER_VALUE, "/api/v1/tickets/T-only-in-system-desk-" + ticketId))
                .isEqualTo(404);
    }

    private static void postPromise(String key, String ticketId, Instant now, Instant due, String user, String agent,
            String subject) {
        Desk.postTicket(intake, key, ticketId, now, user, agent, "service-desk", subject);
        Desk.postReply(intake, key, ticketId, now.plusSeconds(1),
                "Estoy revisando su VPN. Le escribo de nuevo en unos segundos.",
                """
                        {"commitmentId":"c-%s","kind":"UPDATE","dueAt":"%s",
                         "description":"Informarle del estado de la VPN","promisedTo":"USER"}""".formatted(ticketId,
                        due));
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static MimeMessage mailTo(SmtpServer smtp, String address) {
        return Arrays.stream(smtp.received()).filter(m -> address.equals(firstRecipient(m))).findFirst()
                .orElseThrow();
    }

    private static Map<String, Long> recipients(MimeMessage[] messages) {
        return Arrays.stream(messages).map(PromiseToInboxTest::firstRecipient)
                .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
    }

    private static String firstRecipient(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? "" : ((jakarta.mail.internet.InternetAddress) to[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int openCommitments(ServiceProcess followup, String key, String ticketId) {
        try {
            JsonNode ticket = Desk.get(followup, key, "/api/v1/tickets/" + ticketId);
            int open = 0;
            for (JsonNode commitment : ticket.path("commitments")) {
                if ("OPEN".equals(commitment.path("state").asText())) {
                    open++;
                }
            }
            return open;
        } catch (IllegalStateException e) {
            return 0; // not there yet (404)
        }
    }

    private static ServiceProcess started(ServiceProcess process) {
        services.add(process);
        return process;
    }

}
