package dev.promesa.notifier.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

import dev.promesa.contracts.Alert;
import dev.promesa.contracts.AlertKind;
import dev.promesa.contracts.CommitmentKind;
import dev.promesa.contracts.PromisedTo;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.notifier.TestAlerts;
import dev.promesa.notifier.desk.Desks;
import dev.promesa.notifier.recipient.Addressee;
import dev.promesa.notifier.recipient.Addressee.Recipient;
import dev.promesa.notifier.recipient.Audience;
import dev.promesa.notifier.recipient.RecipientResolver;

/**
 * Every kind in Spanish and English, through the configured team directory and the real templates: the right people,
 * and in what they read the promise, the due time in their own zone, how late, the link, and the tone rules.
 */
@QuarkusTest
class MailRendererTest {

    private static final String LATE_ES = "1 h 20 min";

    @Inject
    Desks desks;

    @Inject
    MailRenderer renderer;

    RecipientResolver resolver;
    Letterhead letterhead;

    @BeforeEach
    void theTestDesk() {
        resolver = desks.of(TestAlerts.SOURCE).recipients();
        letterhead = desks.of(TestAlerts.SOURCE).letterhead();
    }

    record Expected(AlertKind kind, int level, String language, List<String> recipients) {
        @Override
        public String toString() {
            return kind + (level > 0 ? " level " + level : "") + " in " + language;
        }
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                new Expected(AlertKind.COMMITMENT_DUE_SOON, 0, "es", List.of("AGENT marta@example.com")),
                new Expected(AlertKind.COMMITMENT_DUE_SOON, 0, "en", List.of("AGENT sam@example.com")),
                new Expected(AlertKind.COMMITMENT_OVERDUE, 0, "es", List.of("AGENT marta@example.com")),
                new Expected(AlertKind.COMMITMENT_OVERDUE, 0, "en", List.of("AGENT sam@example.com")),
                new Expected(AlertKind.COMMITMENT_OVERDUE_USER, 0, "es", List.of("USER lucia@example.com")),
                new Expected(AlertKind.COMMITMENT_OVERDUE_USER, 0, "en", List.of("USER john@example.com")),
                new Expected(AlertKind.ESCALATED, 1, "es", List.of("LEAD lead@example.com")),
                new Expected(AlertKind.ESCALATED, 1, "en", List.of("LEAD night.lead@example.com")),
                new Expected(AlertKind.ESCALATED, 2, "es", List.of("MANAGER manager@example.com")),
                // night-shift has no manager configured: its lead gets the second notice.
                new Expected(AlertKind.ESCALATED, 2, "en", List.of("LEAD night.lead@example.com")),
                new Expected(AlertKind.SLA_WARNING, 0, "es", List.of("AGENT marta@example.com")),
                new Expected(AlertKind.SLA_WARNING, 0, "en", List.of("AGENT sam@example.com")),
                new Expected(AlertKind.SLA_BREACHED, 0, "es",
                        List.of("AGENT marta@example.com", "LEAD lead@example.com")),
                new Expected(AlertKind.SLA_BREACHED, 0, "en",
                        List.of("AGENT sam@example.com", "LEAD night.lead@example.com")),
                new Expected(AlertKind.SATISFACTION_CHECK, 0, "es", List.of("USER lucia@example.com")),
                new Expected(AlertKind.SATISFACTION_CHECK, 0, "en", List.of("USER john@example.com")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyKindInEveryLanguageTellsTheRightPeopleTheFacts(Expected expected) {
        TestAlerts.Builder builder = TestAlerts.alert(expected.kind()).level(expected.level());
        if ("en".equals(expected.language())) {
            builder.english();
        }
        Alert alert = builder.build();
        List<Addressee> addressees = resolver.resolve(alert);
        assertThat(addressees).map(a -> a.audience() + " " + a.key()).containsExactlyElementsOf(expected.recipients());

        for (Addressee addressee : addressees) {
            Recipient recipient = (Recipient) addressee;
            RenderedMail mail = renderer.render(alert, recipient, letterhead);
            String context = expected + " to " + recipient.audience();
            assertThat(mail.language()).as(context).isEqualTo(expected.language());
            assertThat(mail.subject()).as(context).contains(alert.ticket().subject()).doesNotContain("\n");
            for (String body : List.of(mail.text(), mail.html())) {
                assertThat(body).as(context).contains(alert.ticketId());
                assertThat(body).as(context).contains("https://desk.example.com/t/" + alert.ticketId());
                if (alert.kind() != AlertKind.SATISFACTION_CHECK) {
                    assertThat(body).as(context).contains(dueTimeFor(recipient, expected.language()));
                }
                if (alert.commitment() != null) {
                    assertThat(body).as(context).contains(alert.commitment().description());
                }
                if (alert.sla() != null) {
                    assertThat(body).as(context)
                            .contains("es".equals(expected.language()) ? "resolución" : "resolution")
                            .contains("8 h");
                }
                assertThat(body).as(context).contains(howLateOrLeft(alert.kind(), expected.language()));
            }
            if (recipient.audience() == Audience.USER) {
                assertUserMailTone(mail, expected);
            }
            if ("es".equals(expected.language())) {
                assertThat(TuForms.in(mail.subject() + "\n" + mail.text() + "\n" + mail.html()))
                        .as(context + ": tú forms").isEmpty();
            }
        }
    }

    /** The recipient's own zone: requester (Mexico City / New York), agent (Madrid / London), team (Madrid / New York). */
    private static String dueTimeFor(Recipient recipient, String language) {
        boolean es = "es".equals(language);
        return switch (recipient.audience()) {
            case USER -> es
                    ? "jueves 26 de noviembre a las 8:00 (hora de la Ciudad de México)"
                    : "Thursday, November 26 at 9:00 AM (New York time)";
            case AGENT -> es
                    ? "jueves 26 de noviembre a las 15:00 (hora de Madrid)"
                    : "Thursday 26 November at 14:00 (London time)";
            case LEAD, MANAGER -> es
                    ? "jueves 26 de noviembre a las 15:00 (hora de Madrid)"
                    : "Thursday 26 November at 09:00 (New York time)";
        };
    }

    private static String howLateOrLeft(AlertKind kind, String language) {
        return switch (kind) {
            case COMMITMENT_DUE_SOON -> "es".equals(language) ? "15 minutos" : "15 minutes";
            case SLA_WARNING -> "es".equals(language) ? "2 horas" : "2 hours";
            case SATISFACTION_CHECK -> "";
            // users read it in words
            case COMMITMENT_OVERDUE_USER -> "es".equals(language)
                    ? "hace una hora y veinte minutos"
                    : "an hour and twenty minutes ago";
            default -> LATE_ES;
        };
    }

    private static void assertUserMailTone(RenderedMail mail, Expected expected) {
        String all = (mail.subject() + "\n" + mail.text()).toLowerCase(Locale.ROOT);
        boolean es = "es".equals(expected.language());
        assertThat(all).as(expected + ": apology").contains(es ? "le pedimos disculpas" : "we apologize");
        assertThat(all).as(expected + ": what happens next").contains(es
                ? "responda a este mensaje"
                : "reply to this message");
        assertThat(all).as(expected + ": no jargon").doesNotContain("sla", "ticket", "escala", "nivel de servicio",
                "service level");
        if (expected.kind() == AlertKind.COMMITMENT_OVERDUE_USER) {
            // the test desk names no team: users read the owner's name, never the team's code
            assertThat(all).as(expected + ": who owns it").contains(es
                    ? "marta ruiz sigue a cargo de su solicitud"
                    : "sam patel is still in charge of your request");
            assertThat(all).as(expected + ": no team code").doesNotContain("service-desk", "night-shift");
            assertThat(all).contains(es ? "qué ocurre ahora" : "what happens next");
        }
    }

    @Test
    void ticketTextIsEscapedInHtmlAndTheSubjectStaysOneLine() {
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE)
                .subject("<script>alert('x')</script>\r\nBcc: evil@example.com")
                .promise("Revisar <img src=x onerror=alert(1)> & responder")
                .build();
        Recipient agent = (Recipient) resolver.resolve(alert).get(0);
        RenderedMail mail = renderer.render(alert, agent, letterhead);

        assertThat(mail.html()).doesNotContain("<script>", "<img").contains("&lt;script&gt;", "&lt;img",
                "&amp; responder");
        assertThat(mail.subject()).doesNotContain("\r", "\n").contains("<script>alert('x')</script> Bcc:");
        assertThat(mail.text()).as("plain text shows the words as written").contains("<script>");
    }

    @Test
    void withoutAssigneeTheLeadIsToldNobodyOwnsTheTicket() {
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).assignee(null).build();
        Recipient lead = (Recipient) resolver.resolve(alert).get(0);
        RenderedMail mail = renderer.render(alert, lead, letterhead);
        assertThat(lead.audience()).isEqualTo(Audience.LEAD);
        assertThat(mail.subject()).startsWith("Ticket sin asignar: promesa vencida");
        assertThat(mail.text()).contains("no tiene a nadie asignado", "Asignado a: nadie", LATE_ES);
    }

    @Test
    void userMailWithoutAssigneeNamesTheTeam() {
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).assignee(null).build();
        RenderedMail mail = renderer.render(alert, (Recipient) resolver.resolve(alert).get(0), letterhead);
        assertThat(mail.text()).contains("el equipo de soporte se ocupa de su solicitud")
                .doesNotContain("service-desk");
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"es", "en"})
    void whileTheDeskWaitsOnTheUserTheApologySaysWhatItNeedsInsteadOfNothingToDo(String language) {
        boolean es = "es".equals(language);
        TestAlerts.Builder waiting = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER)
                .status(TicketStatus.WAITING_ON_USER);
        TestAlerts.Builder open = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER);
        if (!es) {
            waiting.english();
            open.english();
        }
        for (boolean waitsOnUser : List.of(true, false)) {
            Alert alert = (waitsOnUser ? waiting : open).build();
            RenderedMail mail = renderer.render(alert, (Recipient) resolver.resolve(alert).get(0), letterhead);
            String needs = es
                    ? "necesitamos su respuesta a nuestro último mensaje"
                    : "we need your answer to our last message";
            String nothingToDo = es ? "No necesita hacer nada más" : "There is nothing more you need to do";
            for (String body : List.of(mail.text(), mail.html())) {
                if (waitsOnUser) {
                    assertThat(body).contains(needs, es ? "responda a este mensaje" : "reply to this message",
                            es ? "Le pedimos disculpas" : "We apologize").doesNotContain(nothingToDo);
                } else {
                    assertThat(body).contains(nothingToDo).doesNotContain(needs);
                }
            }
            if (es) {
                assertThat(TuForms.in(mail.text() + "\n" + mail.html()))
                        .as("tú forms").isEmpty();
            }
        }
    }

    @Test
    void aBlankSubjectOrAMissingPromiseIsNotPrintedAsIfSomebodySaidIt() {
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).subject(" ").promise(null).build();
        RenderedMail mail = renderer.render(alert, (Recipient) resolver.resolve(alert).get(0), letterhead);
        assertThat(mail.text()).contains("Le escribimos por su solicitud (referencia " + alert.ticketId() + ").",
                "nos comprometimos a enviarle una actualización antes del jueves 26 de noviembre a las 8:00")
                .doesNotContain("«»", "« »", "«enviarle");

        Alert english = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).english().subject("").promise(null)
                .build();
        RenderedMail en = renderer.render(english, (Recipient) resolver.resolve(english).get(0), letterhead);
        assertThat(en.text()).contains("We are writing about your request (reference " + english.ticketId() + ").",
                "we promised you an update by Thursday, November 26 at 9:00 AM").doesNotContain("\"\"");
    }

    @Test
    void theRegisterCheckKnowsTheTuFormsAndLeavesUstedAlone() {
        assertThat(TuForms.in("Equipo de Soporte TI")).as("an acronym is not a pronoun").isEmpty();
        assertThat(TuForms.in("Hola, ¿puedes revisar tu correo? Te escribo mañana y recibirás la respuesta. "
                + "Avísanos si necesitas algo; no te preocupes, haz la prueba y dime. Contigo. Lo enviaste ayer."))
                .containsExactly("puedes", "tu", "te", "recibirás", "avísanos", "necesitas", "no te preocupes",
                        "haz", "dime", "contigo", "enviaste");
        assertThat(TuForms.in("¿Puede revisar su correo? Le escribo mañana y recibirá la respuesta. Avísenos si "
                + "necesita algo; no se preocupe. Marta le llama a las 10. Las pruebas salieron bien; espere, por "
                + "favor. Usted tiene razón."))
                .isEmpty();
    }

    @Test
    void withoutADescriptionTheEmailSaysWhatKindOfPromiseItWas() {
        Alert callback = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).promise(null)
                .commitmentKind(CommitmentKind.CALLBACK).build();
        assertThat(userText(callback)).contains("nos comprometimos a llamarle antes del");
        Alert englishCallback = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).english().promise(null)
                .commitmentKind(CommitmentKind.CALLBACK).build();
        assertThat(userText(englishCallback)).contains("we promised to call you by");
        Alert action = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).promise(null)
                .commitmentKind(CommitmentKind.ACTION).build();
        Recipient agent = (Recipient) resolver.resolve(action).get(0);
        assertThat(renderer.render(action, agent, letterhead).text())
                .contains("Promesa hecha a Lucía Fernández: una gestión, antes del").doesNotContain("«una gestión»");
    }

    @Test
    void aPromiseMadeToTheTeamIsToldAsSuchToStaff() {
        Alert alert = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).promisedTo(PromisedTo.TEAM).build();
        Recipient agent = (Recipient) resolver.resolve(alert).get(0);
        assertThat(renderer.render(alert, agent, letterhead).text()).contains("Promesa hecha al equipo: «")
                .doesNotContain("Lucía");
        Alert escalated = TestAlerts.alert(AlertKind.ESCALATED).english().promisedTo(PromisedTo.TEAM).build();
        Recipient lead = (Recipient) resolver.resolve(escalated).get(0);
        assertThat(renderer.render(escalated, lead, letterhead).text()).contains("Sam Patel promised the team: \"");
    }

    @Test
    void anSlaAlertWithoutItsMetricAndTargetStillReads() {
        Alert alert = TestAlerts.alert(AlertKind.SLA_BREACHED).withoutSlaData().build();
        Recipient agent = (Recipient) resolver.resolve(alert).get(0);
        assertThat(renderer.render(alert, agent, letterhead).text())
                .contains("ha incumplido el plazo de servicio, que venció el").doesNotContain("()", "null");
    }

    private String userText(Alert alert) {
        return renderer.render(alert, (Recipient) resolver.resolve(alert).get(0), letterhead).text();
    }

    /** Renders {@code alert} for each of its recipients, on the acme desk (team names and lead names configured). */
    private Map<Audience, RenderedMail> onAcme(TestAlerts.Builder builder) {
        Alert alert = builder.source("acme").build();
        var desk = desks.of("acme");
        Map<Audience, RenderedMail> mails = new EnumMap<>(Audience.class);
        for (Addressee addressee : desk.recipients().resolve(alert)) {
            mails.put(addressee.audience(), renderer.render(alert, (Recipient) addressee, desk.letterhead()));
        }
        return mails;
    }

    @Test
    void theApologyNamesWhenTheUserWillHearFromUs() {
        RenderedMail es = onAcme(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).nextStep(Duration.ofHours(2)))
                .get(Audience.USER);
        // the alert fired at 9:20 Mexico City time; the next step is two hours later
        assertThat(es.text()).contains("le escribirá antes del jueves 26 de noviembre a las 11:20 (hora de la Ciudad "
                + "de México) con novedades.").doesNotContain("lo antes posible", "de nuevo");
        assertThat(es.html()).contains("antes del jueves 26 de noviembre a las 11:20");

        RenderedMail en = onAcme(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).english()
                .nextStep(Duration.ofHours(2))).get(Audience.USER);
        assertThat(en.text()).contains("will write to you with news by Thursday, November 26 at 12:20 PM (New York "
                + "time).").doesNotContain("as soon as possible", "again");

        RenderedMail withoutOne = onAcme(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER)).get(Audience.USER);
        assertThat(withoutOne.text()).as("an alert from before next steps still reads")
                .contains("le escribirá lo antes posible con novedades");
    }

    @Test
    void theSecondApologySaysSoAndIsSignedByTheLead() {
        RenderedMail es = onAcme(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).apology()
                .nextStep(Duration.ofHours(2))).get(Audience.USER);
        assertThat(es.subject()).contains("le seguimos debiendo una respuesta");
        assertThat(es.text()).contains("Le escribimos de nuevo por su solicitud",
                "le escribimos para disculparnos por un retraso y le dijimos que tendría noticias nuestras antes del "
                        + "jueves 26 de noviembre a las 8:00",
                "Tampoco hemos cumplido ese plazo",
                "Carmen Díaz, responsable del equipo Soporte TI, se ocupa ahora personalmente de su solicitud y le "
                        + "escribirá antes del jueves 26 de noviembre a las 11:20",
                "Atentamente,\nCarmen Díaz, responsable del equipo Soporte TI")
                .doesNotContain("Marta Ruiz,", "comprometimos");
        assertThat(TuForms.in(es.subject() + "\n" + es.text() + "\n" + es.html())).isEmpty();

        RenderedMail en = onAcme(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).apology().english()
                .nextStep(Duration.ofHours(2))).get(Audience.USER);
        assertThat(en.text()).contains("We are writing to you again about your request",
                "we wrote to apologize for a delay", "We have not kept that promise either",
                "Alex Morgan, who leads the Night Support team, is now personally handling your request and will "
                        + "write to you by Thursday, November 26 at 12:20 PM",
                "Kind regards,\nAlex Morgan, Night Support team lead");

        RenderedMail unnamed = onAcme(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE_USER).apology().team("orphans")
                .nextStep(Duration.ofHours(2))).get(Audience.USER);
        assertThat(unnamed.text()).as("a team without a lead's name or a team name")
                .contains("la persona responsable del equipo se ocupa ahora personalmente",
                        "Atentamente,\nResponsable del equipo de soporte");
    }

    @Test
    void staffReadWhatTheUserWasToldAndWhen() {
        Map<Audience, RenderedMail> escalation = onAcme(TestAlerts.alert(AlertKind.ESCALATED)
                .nextStep(Duration.ofHours(2)));
        assertThat(escalation.get(Audience.LEAD).text()).contains("A Lucía Fernández ya le escribimos el jueves 26 de "
                + "noviembre a las 15:30 (hora de Madrid) para disculparnos, y le prometimos noticias antes del jueves "
                + "26 de noviembre a las 17:30 (hora de Madrid).");
        assertThat(escalation.get(Audience.LEAD).html()).contains("A Lucía Fernández ya le escribimos");

        Map<Audience, RenderedMail> missedAgain = onAcme(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).apology());
        assertThat(missedAgain.get(Audience.AGENT).text()).contains("tener noticias nuestras, como se le prometió al "
                + "disculparnos el jueves 26 de noviembre a las 13:00 (hora de Madrid), antes del jueves 26 de "
                + "noviembre a las 15:00", "escriba ahora a Lucía Fernández");
        Map<Audience, RenderedMail> english = onAcme(TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).apology()
                .english());
        assertThat(english.get(Audience.AGENT).text()).contains("news from us, as promised in our apology on",
                "write to John Carter now");
    }

    /** A staff email held for working hours (docs/notifier-service.md) says when its alert was raised. */
    @Test
    void aHeldStaffEmailSaysWhenTheAlertWasRaised() {
        Instant mondayMorning = Instant.parse("2026-11-30T08:00:00Z");
        Alert alert = TestAlerts.alert(AlertKind.ESCALATED).build(); // raised Thursday 26 November, 16:20 Madrid time
        Recipient lead = (Recipient) resolver.resolve(alert).get(0);
        RenderedMail held = renderer.render(alert, lead, letterhead, mondayMorning);
        String raised = "Aviso generado el jueves 26 de noviembre a las 16:20 (hora de Madrid), fuera de su horario "
                + "laboral: se lo enviamos al comenzar su jornada.";
        assertThat(held.text().lines().findFirst()).contains(raised);
        assertThat(held.html()).contains(raised);
        assertThat(TuForms.in(held.text() + "\n" + held.html())).isEmpty();
        assertThat(renderer.render(alert, lead, letterhead).text()).doesNotContain("Aviso generado");

        Alert english = TestAlerts.alert(AlertKind.COMMITMENT_OVERDUE).english().build();
        Recipient agent = (Recipient) resolver.resolve(english).get(0);
        assertThat(renderer.render(english, agent, letterhead, mondayMorning).text()).contains("Raised on Thursday 26 "
                + "November at 15:20 (London time), outside your working hours: sent at the start of your working day.");
    }
}
