package dev.promesa.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.fasterxml.jackson.databind.JsonNode;

import dev.promesa.testsupport.Browser;
import dev.promesa.testsupport.KafkaBroker;
import dev.promesa.testsupport.MailCatcher;
import dev.promesa.testsupport.PostgresDatabase;
import dev.promesa.testsupport.SmtpServer;

/**
 * The board in a real browser (headless Chromium, driven by Selenium), against intake, followup and notifier running
 * as processes: the agent signs in with the link the board emails, with the keyboard alone; a promise posted through
 * intake appears on their page without a reload; they reschedule one and followup's API has the new time, read in
 * their zone; a promise left to go late turns red; the ticket page shows the emails Promesa sent; and nothing of
 * another help desk can be reached. Screenshots of each step go to {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardBrowserTest {
    private static final String AGENT = "jorge.ruiz@example.com";
    private static final String USER = "lucia.fernandez@example.com";
    private static final String LEAD = "marta.lead@example.com";
    private static final String TEAM = "service-desk";
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Pattern LINK = Pattern
            .compile("(http://\\S+/board/" + ApiKey.SOURCE + "/sign-in/[A-Za-z0-9_-]+)");
    /** The live part may take one poll (1 s) and one request once followup has the promise. */
    private static final Duration LIVE = Duration.ofSeconds(2);

    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess intake;
    private static ServiceProcess followup;
    private static Browser browser;
    private static String onTime;
    private static String late;

    @BeforeAll
    static void startTheSystemAndTheBrowser() {
        KafkaBroker kafka = KafkaBroker.shared();
        SmtpServer smtp = SmtpServer.shared();
        Map<String, String> common = Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.log.console.format", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] %s%e%n",
                "quarkus.mailer.host", smtp.host(), "quarkus.mailer.port", String.valueOf(smtp.port()),
                "quarkus.mailer.from", "Promesa <promesa@example.com>",
                "promesa.teams." + TEAM + ".lead", LEAD,
                "promesa.sources." + ApiKey.SOURCE + ".display-name", "Soporte TI de Acme");
        Map<String, String> followupConfig = new HashMap<>(common);
        followupConfig.putAll(Desk.database(PostgresDatabase.create()));
        followupConfig.putAll(Map.of("promesa.commitments.due-soon-lead", "PT4S",
                "promesa.commitments.user-grace", "PT30S", "promesa.commitments.escalation-delay", "PT1M",
                "promesa.due-check.interval", "PT0.2S"));
        Map<String, String> notifierConfig = new HashMap<>(common);
        notifierConfig.putAll(Desk.database(PostgresDatabase.create()));
        notifierConfig.put("promesa.notifications.staff-hours.enabled", "false");
        notifierConfig.put("promesa.notifications.staff-burst-window", "PT0S");

        followup = started(ServiceProcess.start("followup-service", "followup", followupConfig));
        started(ServiceProcess.start("notifier-service", "notifier", notifierConfig));
        intake = started(ServiceProcess.start("intake-service", "intake", new HashMap<>(common)));
        services.forEach(Desk::awaitReady);
        browser = Browser.start("es");
    }

    @AfterAll
    static void stopTheSystem() {
        if (browser != null) {
            browser.close();
        }
        services.forEach(ServiceProcess::close);
    }

    @Test
    @Order(1)
    void theAgentSignsInWithTheEmailedLinkUsingOnlyTheKeyboard() throws Exception {
        SmtpServer smtp = SmtpServer.shared();
        smtp.reset();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        onTime = "T-BOARD-" + now.getEpochSecond();
        Desk.postTicket(intake, ApiKey.VALUE, onTime, now, USER, AGENT, TEAM, "La VPN no conecta desde casa");
        Desk.postReply(intake, ApiKey.VALUE, onTime, now.plusSeconds(1), "Reviso la configuración de la VPN.",
                promise("c-" + onTime, now.plus(Duration.ofHours(3)), "Revisar la configuración de la VPN"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Desk.status(followup, ApiKey.VALUE,
                "/api/v1/tickets/" + onTime) == 200);

        WebDriver page = browser.driver();
        page.get(board("/mine"));
        assertThat(page.getCurrentUrl()).as("not signed in: the sign-in page").contains("/sign-in");
        browser.screenshot("board-01-sign-in");
        WebElement email = tabTo(By.cssSelector("input[type=email]"));
        email.sendKeys(AGENT, Keys.ENTER);

        MimeMessage mail = smtp.awaitMessages(1, Duration.ofSeconds(30))[0];
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(AGENT);
        Matcher link = LINK.matcher(MailCatcher.partOf(mail, "text/plain"));
        assertThat(link.find()).as("the email carries the sign-in link").isTrue();

        page.get(link.group(1));
        assertThat(page.getCurrentUrl()).as("opening the link signs nobody in by itself").contains("/sign-in/");
        tabTo(By.cssSelector("main button[type=submit], main input[type=submit]")).sendKeys(Keys.ENTER);
        browser.await(d -> d.getCurrentUrl().endsWith("/mine"));
        browser.await(d -> !d.findElements(row("c-" + onTime)).isEmpty());
        assertThat(page.findElement(row("c-" + onTime)).getAttribute("class")).isEqualTo("on-time");
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Mis promesas");
        browser.screenshot("board-02-my-promises");
    }

    @Test
    @Order(2)
    void aPromisePostedThroughIntakeAppearsWithoutAReloadAndTurnsRedWhenLate() {
        WebDriver page = browser.driver();
        ((JavascriptExecutor) page).executeScript("window.sameDocument = true;");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        late = "c-" + onTime + "-late";
        Desk.postReply(intake, ApiKey.VALUE, onTime, now, "Le llamo en un momento.",
                promise(late, now.plusSeconds(20), "Llamar para probar la VPN juntos"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Desk.get(followup, ApiKey.VALUE, "/api/v1/tickets/" + onTime).path("commitments")
                        .size() == 2);

        browser.await(LIVE, d -> !d.findElements(row(late)).isEmpty());
        assertThat(((JavascriptExecutor) page).executeScript("return window.sameDocument === true;"))
                .as("the page was not reloaded").isEqualTo(true);
        browser.screenshot("board-03-live");

        browser.await(Duration.ofSeconds(60), d -> d.findElement(row(late)).getAttribute("class").equals("overdue"));
        // read in one go, again if the live part replaced the row meanwhile
        List<String> badge = browser.await(d -> {
            WebElement shown = d.findElement(row(late)).findElement(By.cssSelector(".badge"));
            return List.of(shown.getText(), shown.getCssValue("color"));
        });
        assertThat(badge.get(0)).isEqualTo("Vencida");
        assertThat(badge.get(1)).as("red").isEqualTo("rgba(179, 38, 30, 1)");
        assertThat(((JavascriptExecutor) page).executeScript("return window.sameDocument === true;")).isEqualTo(true);
        browser.screenshot("board-04-overdue");
    }

    @Test
    @Order(3)
    void theAgentReschedulesAPromiseInTheirOwnZone() {
        WebDriver page = browser.driver();
        page.get(board("/mine"));
        String id = "c-" + onTime;
        WebElement summary = tabTo(By.cssSelector("tr[data-commitment='" + id + "'] details:nth-of-type(1) summary"));
        summary.sendKeys(Keys.ENTER);
        WebElement when = page.findElement(By.id("due-" + id));
        // tomorrow 10:30 where the agent works (Madrid, the zone of their tickets), typed into the date-time picker
        // segment by segment as a person does (Spanish order: day, month, year, then the time)
        LocalDateTime wanted = LocalDateTime.now(MADRID).plusDays(1).withHour(10).withMinute(30).withSecond(0)
                .withNano(0);
        tabForwardTo(when);
        new Actions(page).sendKeys(String.format("%02d%02d%04d", wanted.getDayOfMonth(), wanted.getMonthValue(),
                wanted.getYear())).sendKeys(Keys.ARROW_RIGHT).sendKeys("1030").perform();
        assertThat(when.getAttribute("value")).isEqualTo(wanted.toString());
        WebElement reason = page.findElement(By.id("why-" + id));
        tabForwardTo(reason);
        reason.sendKeys("Espero la respuesta del proveedor", Keys.ENTER);

        browser.await(d -> d.getCurrentUrl().contains("notice=reschedule"));
        assertThat(page.findElement(By.cssSelector(".notice")).getText()).contains("reprogramada");
        browser.screenshot("board-05-rescheduled");
        JsonNode commitment = commitment(id);
        assertThat(Instant.parse(commitment.path("dueAt").asText())).isEqualTo(wanted.atZone(MADRID).toInstant());
        assertThat(commitment.path("revision").asInt()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void theTicketPageShowsItsHistoryWithTheEmailsPromesaSent() {
        // the late promise's due-soon and overdue emails reach the agent, and come back on the timeline
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            int emails = 0;
            for (JsonNode entry : Desk.get(followup, ApiKey.VALUE, "/api/v1/tickets/" + onTime + "/timeline")) {
                emails += "EMAIL_SENT".equals(entry.path("type").asText()) ? 1 : 0;
            }
            return emails >= 1;
        });
        WebDriver page = browser.driver();
        page.get(board("/tickets/" + onTime));
        assertThat(page.findElement(By.tagName("h1")).getText()).contains(onTime);
        List<String> history = page.findElements(By.cssSelector(".timeline li")).stream().map(WebElement::getText)
                .toList();
        assertThat(history).anyMatch(e -> e.contains("Correo enviado al agente"));
        assertThat(history).anyMatch(e -> e.contains("Promesa reprogramada"));
        browser.screenshot("board-06-ticket");
    }

    @Test
    @Order(5)
    void anotherDesksTicketCannotBeReached() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String theirs = "T-OTHER-" + now.getEpochSecond();
        Desk.postTicket(intake, ApiKey.OTHER_VALUE, theirs, now, "john.carter@other.example", AGENT, TEAM,
                "VPN down");
        await().atMost(Duration.ofSeconds(30)).until(() -> Desk.status(followup, ApiKey.OTHER_VALUE,
                "/api/v1/tickets/" + theirs) == 200);
        WebDriver page = browser.driver();

        page.get(board("/tickets/" + theirs));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Página no encontrada");
        page.get(followup.url("/board/" + ApiKey.OTHER_SOURCE + "/tickets/" + theirs).toString());
        assertThat(page.getCurrentUrl()).as("the session is for one desk only")
                .contains("/board/" + ApiKey.OTHER_SOURCE + "/sign-in");
        assertThat(page.getPageSource()).doesNotContain("VPN down");
    }

    @Test
    @Order(6)
    void theBoardSpeaksEnglishWhenAskedTo() {
        WebDriver page = browser.driver();
        page.get(board("/mine"));
        tabTo(By.cssSelector("a.lang")).sendKeys(Keys.ENTER);
        browser.await(d -> d.findElement(By.tagName("h1")).getText().equals("My promises"));
        assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.screenshot("board-07-english");
    }

    /** Presses Tab until {@code target} has the focus: it can be reached with the keyboard alone. */
    private static WebElement tabTo(By target) {
        WebDriver page = browser.driver();
        WebElement wanted = browser.await(d -> d.findElement(target));
        ((JavascriptExecutor) page).executeScript("document.activeElement && document.activeElement.blur();"
                + "window.scrollTo(0, 0);");
        for (int i = 0; i < 60; i++) {
            new Actions(page).sendKeys(Keys.TAB).perform();
            if (page.switchTo().activeElement().equals(wanted)) {
                return wanted;
            }
        }
        throw new AssertionError("Tab never reached " + target + " on " + page.getCurrentUrl());
    }

    /** Presses Tab from where the focus is now until {@code target} has it. */
    private static void tabForwardTo(WebElement target) {
        WebDriver page = browser.driver();
        for (int i = 0; i < 10 && !page.switchTo().activeElement().equals(target); i++) {
            new Actions(page).sendKeys(Keys.TAB).perform();
        }
        assertThat(page.switchTo().activeElement()).as("Tab reaches %s", target.getAttribute("id")).isEqualTo(target);
    }

    private static By row(String commitmentId) {
        return By.cssSelector("tr[data-commitment='" + commitmentId + "']");
    }

    private static String board(String path) {
        return followup.url("/board/" + ApiKey.SOURCE + path).toString();
    }

    private static String promise(String id, Instant due, String description) {
        return """
                {"commitmentId":"%s","kind":"ACTION","dueAt":"%s","description":"%s","promisedTo":"USER"}"""
                .formatted(id, due, description);
    }

    private static JsonNode commitment(String id) {
        for (JsonNode c : Desk.get(followup, ApiKey.VALUE, "/api/v1/tickets/" + onTime).path("commitments")) {
            if (id.equals(c.path("commitmentId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no promise " + id + " in " + Arrays.toString(new String[]{onTime}));
    }

    private static ServiceProcess started(ServiceProcess process) {
        services.add(process);
        return process;
    }
}
