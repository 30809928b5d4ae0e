package dev.promesa.followup.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.promesa.contracts.Channel;
import dev.promesa.contracts.Person;
import dev.promesa.contracts.Priority;
import dev.promesa.contracts.TicketSnapshot;
import dev.promesa.contracts.TicketStatus;
import dev.promesa.followup.BoardSessions;
import dev.promesa.followup.HelpdeskEvents;
import dev.promesa.testsupport.MailCatcher;
import dev.promesa.testsupport.SmtpServer;

/**
 * Signing in to the board with an e-mailed link, over real HTTP, with the link read from the real SMTP server the
 * service sends to (TestInfrastructure's SmtpResource): the link is single-use and works only on its own source, the
 * page answers an unknown address exactly as a known one, the sixth link in an hour is not sent, and the session
 * cookie is HttpOnly and SameSite=Lax.
 */
@QuarkusTest
class SignInTest {

    private static final String SOURCE = HelpdeskEvents.SOURCE;
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/board/" + SOURCE
            + "/sign-in/[A-Za-z0-9_-]{43})(\\?back=[^\\s\"]+)?");

    @Inject
    DataSource dataSource;

    @Inject
    People people;

    @Test
    void aKnownAgentSignsInOnceWithTheLinkTheyAreEmailed() throws Exception {
        String email = knownAgent();

        Response asked = ask(email, "es");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.asString()).contains("Revise su correo").contains(email).contains("15 minutos");

        MimeMessage mail = mailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Su enlace para entrar en el tablero de " + people.deskName(SOURCE));
        String text = MailCatcher.partOf(mail, "text/plain");
        assertThat(text).contains("Hola, Agente de prueba:").contains("una sola vez durante los próximos 15 minutos");
        assertThat(MailCatcher.partOf(mail, "text/html")).contains("Entrar en el tablero");
        String link = path(text);

        // opening the link twice changes nothing: a mail scanner that follows it does not use it up
        for (int i = 0; i < 2; i++) {
            given().get(link).then().statusCode(200);
        }
        assertThat(given().get(link).asString()).contains("como " + email)
                .contains("action=\"/board/" + SOURCE + "/sign-in/");

        Response signedIn = given().redirects().follow(false).formParam("back", "").post(link);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/board/" + SOURCE + "/mine");
        String setCookie = signedIn.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("promesa_board=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/board")
                .doesNotContain("Secure");
        String cookie = signedIn.cookie("promesa_board");
        assertThat(given().cookie("promesa_board", cookie).redirects().follow(false)
                .get("/board/{s}/mine", SOURCE).statusCode()).isEqualTo(200);
        assertThat(sessionsOf(email)).isEqualTo(1);

        // used once: the same link now opens nothing, by GET or POST
        assertThat(given().get(link).statusCode()).isEqualTo(410);
        Response again = given().redirects().follow(false).post(link);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.asString()).contains("Este enlace ya no sirve");
        assertThat(again.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("promesa_board="));
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoLink() throws Exception {
        String known = knownAgent();
        String unknown = "nadie-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        Response forUnknown = ask(unknown, "es");
        Response forKnown = ask(known, "es");

        assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(200);
        assertThat(forUnknown.asString().replace(unknown, "ADDRESS"))
                .isEqualTo(forKnown.asString().replace(known, "ADDRESS"));
        assertThat(linksOf(unknown)).isZero();
        mailTo(known);
        assertThat(Arrays.stream(SmtpServer.shared().received()).filter(m -> isTo(m, unknown))).isEmpty();
    }

    @Test
    void theSixthLinkInAnHourIsNotSentButTheAnswerIsTheSame() {
        String email = knownAgent();
        String first = ask(email, "es").asString();
        for (int i = 2; i <= 6; i++) {
            Response answer = ask(email, "es");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.asString()).isEqualTo(first);
        }
        assertThat(linksOf(email)).isEqualTo(5);
        await().atMost(PATIENCE).until(() -> Arrays.stream(SmtpServer.shared().received())
                .filter(m -> isTo(m, email)).count() == 5);
    }

    @Test
    void aLinkWorksOnlyOnItsOwnSourceAndOnlyUntilItExpires() throws Exception {
        String email = knownAgent();
        ask(email, "es");
        String link = path(MailCatcher.partOf(mailTo(email), "text/plain"));

        String elsewhere = link.replace("/board/" + SOURCE + "/", "/board/ops-desk/");
        assertThat(given().get(elsewhere).statusCode()).isEqualTo(410);
        assertThat(given().redirects().follow(false).post(elsewhere).statusCode()).isEqualTo(410);

        expire(link.substring(link.lastIndexOf('/') + 1));
        assertThat(given().get(link).statusCode()).isEqualTo(410);
        assertThat(given().redirects().follow(false).post(link).statusCode()).isEqualTo(410);
        assertThat(sessionsOf(email)).isZero();
    }

    @Test
    void theLinkSpeaksTheLanguageOfThePageItWasAskedOnAndComesBackToTheAskedPage() throws Exception {
        String email = knownAgent();
        String back = "/board/" + SOURCE + "/team";
        Response asked = given().header("Accept-Language", "en-GB,en;q=0.9").formParam("email", email)
                .formParam("back", back).post("/board/{s}/sign-in", SOURCE);
        assertThat(asked.asString()).contains("Check your email").contains("It works once, for 15 minutes");

        MimeMessage mail = mailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Your link to sign in to the " + people.deskName(SOURCE) + " board");
        String text = MailCatcher.partOf(mail, "text/plain");
        assertThat(text).contains("Hello Agente de prueba,");
        Matcher found = LINK.matcher(text);
        assertThat(found.find()).isTrue();
        assertThat(found.group(2)).isEqualTo("?back=%2Fboard%2F" + SOURCE + "%2Fteam");

        Response signedIn = given().redirects().follow(false).formParam("back", back).post(found.group(1));
        assertThat(signedIn.header("Location")).endsWith(back);
        String page = given().cookie("promesa_board", signedIn.cookie("promesa_board"))
                .get("/board/{s}/mine", SOURCE).asString();
        assertThat(page).contains("<html lang=\"en\"").contains("My promises");
    }

    @Test
    void aMistypedAddressIsNamedAndNothingIsSent() {
        Response answer = given().formParam("email", "jorge.ruiz").post("/board/{s}/sign-in", SOURCE);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.asString()).contains("aria-invalid=\"true\"").contains("nombre@empresa.com")
                .contains("value=\"jorge.ruiz\"");
        assertThat(linksOf("jorge.ruiz")).isZero();
    }

    @Test
    void signingOutNeedsTheFormTokenAndEndsTheSession() {
        String email = knownAgent();
        BoardSessions session = BoardSessions.open(dataSource, SOURCE, email);

        Response forged = given().cookie("promesa_board", session.cookie()).redirects().follow(false)
                .formParam("csrf", "not-the-token").post("/board/{s}/sign-out", SOURCE);
        assertThat(forged.statusCode()).isEqualTo(303);
        assertThat(sessionsOf(email)).isEqualTo(1);

        Response out = given().cookie("promesa_board", session.cookie()).redirects().follow(false)
                .formParam("csrf", session.csrf()).post("/board/{s}/sign-out", SOURCE);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/board/" + SOURCE + "/sign-in?notice=signed-out");
        assertThat(out.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("promesa_board=;")
                && c.contains("Max-Age=0"));
        assertThat(sessionsOf(email)).isZero();
        assertThat(given().cookie("promesa_board", session.cookie()).redirects().follow(false)
                .get("/board/{s}/mine", SOURCE).header("Location")).contains("/board/" + SOURCE + "/sign-in");
    }

    @Test
    void theLanguageSwitchIsRememberedAndNeverLeadsOutOfTheBoard() {
        Response switched = given().redirects().follow(false).queryParam("to", "en")
                .queryParam("back", "/board/" + SOURCE + "/sign-in").get("/board/{s}/language", SOURCE);
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).endsWith("/board/" + SOURCE + "/sign-in");
        assertThat(switched.cookie("promesa_board_lang")).isEqualTo("en");
        assertThat(given().cookie("promesa_board_lang", "en").get("/board/{s}/sign-in", SOURCE).asString())
                .contains("Sign in to the board").contains("Your email address");

        Response outside = given().redirects().follow(false).queryParam("to", "es")
                .queryParam("back", "https://evil.example.com/").get("/board/{s}/language", SOURCE);
        assertThat(outside.header("Location")).endsWith("/board/" + SOURCE + "/mine");
    }

    /** An agent of the test source (a ticket assigned to them, seen by followup): someone the board knows. */
    private String knownAgent() {
        String email = "agente-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String ticketId = HelpdeskEvents.newTicketId();
        HelpdeskEvents.send(new TicketSnapshot(HelpdeskEvents.newEventId(), ticketId, Instant.now(),
                "La impresora no imprime", Priority.P3, TicketStatus.OPEN, Channel.EMAIL, HelpdeskEvents.REQUESTER,
                new Person("a-" + ticketId, "Agente de prueba", email, "es-ES", null), HelpdeskEvents.TEAM, null));
        await().atMost(PATIENCE).until(() -> people.find(SOURCE, email).isPresent());
        return email;
    }

    private static Response ask(String email, String language) {
        return given().header("Accept-Language", language).formParam("email", email)
                .post("/board/{s}/sign-in", SOURCE);
    }

    /** The first e-mail the SMTP server got for this address. */
    private static MimeMessage mailTo(String email) {
        return await().atMost(PATIENCE).until(() -> Arrays.stream(SmtpServer.shared().received())
                .filter(m -> isTo(m, email)).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static boolean isTo(MimeMessage message, String email) {
        try {
            return Arrays.stream(Optional.ofNullable(message.getRecipients(Message.RecipientType.TO))
                    .orElse(new jakarta.mail.Address[0])).anyMatch(a -> a.toString().contains(email));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link's path (what a browser asks this service for), from the e-mail's text. */
    private static String path(String text) throws IOException {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a sign-in link in: %s", text).isTrue();
        return link.group(1);
    }

    private int linksOf(String email) {
        return count("select count(*) from board_sign_in where source = ? and email = ?", email);
    }

    private int sessionsOf(String email) {
        return count("select count(*) from board_session where source = ? and email = ?", email);
    }

    private int count(String sql, String email) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, SOURCE);
            query.setString(2, email);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets a link run out, as 15 minutes would. */
    private void expire(String token) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update board_sign_in set expires_at = now() - interval '1 minute' where token_hash = ?")) {
            update.setString(1, Secrets.hash(token));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
