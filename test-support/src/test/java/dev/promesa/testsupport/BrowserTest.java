package dev.promesa.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The browser really starts, speaks the language it was given, can be driven by the keyboard alone, and takes
 * screenshots. The page comes from a JDK HTTP server on a free loopback port, which also records what the browser sent.
 */
class BrowserTest {
    private static final String FORM_PAGE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Probe form</title></head>
            <body>
              <h1>Probe form</h1>
              <form method="post" action="/submit">
                <label for="customer">Customer</label>
                <input id="customer" name="customer" autocomplete="off">
                <button type="submit">Send</button>
              </form>
            </body>
            </html>
            """;
    private static final String RECEIVED_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Received</title></head>
            <body><p id="done">Received.</p></body></html>
            """;

    private static HttpServer server;
    private static Browser browser;
    /** The Accept-Language header of each GET of the form, in order. */
    private static final BlockingQueue<String> acceptLanguages = new LinkedBlockingQueue<>();
    /** The decoded form fields of each POST to /submit, in order. */
    private static final BlockingQueue<Map<String, String>> submissions = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        // Port 0: the kernel picks a free loopback port at bind time, so two test JVMs can never race for one.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/form", exchange -> {
            acceptLanguages.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Language")));
            respond(exchange, FORM_PAGE);
        });
        server.createContext("/submit", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            submissions.add(formFields(body));
            respond(exchange, RECEIVED_PAGE);
        });
        server.start();

        long started = System.nanoTime();
        browser = Browser.start("es");
        System.out.printf("[browser] started in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @AfterAll
    static void quitBrowserAndServer() {
        if (browser != null) {
            long started = System.nanoTime();
            browser.close();
            System.out.printf("[browser] quit in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        acceptLanguages.clear();
        submissions.clear();
    }

    @Test
    void aFieldIsReachedFilledAndSubmittedWithTheKeyboardAlone() throws InterruptedException {
        WebDriver driver = browser.driver();
        driver.get(url("/form"));
        browser.await(ExpectedConditions.titleIs("Probe form"));

        // Nothing has the focus yet; one Tab must land on the field, not on the button or nowhere.
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("customer");

        // Typed into whatever has the focus, then Enter: the form's implicit submission, no click anywhere.
        new Actions(driver).sendKeys("Señora Núñez").sendKeys(Keys.ENTER).perform();

        Map<String, String> submitted = submissions.poll(Browser.DEFAULT_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(submitted).as("the form submission at the server").isNotNull()
                .containsEntry("customer", "Señora Núñez");
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(submissions).as("exactly one submission").isEmpty();
    }

    @Test
    void theBrowserAsksForItsLanguage() throws InterruptedException {
        browser.driver().get(url("/form"));

        assertThat(acceptLanguages.poll(Browser.DEFAULT_WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("Accept-Language of the page request").startsWith("es");
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return navigator.language"))
                .isEqualTo("es");
    }

    @Test
    void aSpanishBrowserHasSpanishDatePickersDayFirstAndIn24Hours() {
        // data: pages need no server; chromium-l10n missing would make this en-US (month first, AM/PM)
        browser.driver().get("data:text/html,<input type=datetime-local id=when autofocus>");
        WebElement when = browser.driver().findElement(By.id("when"));
        browser.await(d -> when.equals(d.switchTo().activeElement()));

        new Actions(browser.driver()).sendKeys("03122026").sendKeys(Keys.ARROW_RIGHT).sendKeys("1030").perform();

        assertThat(when.getDomProperty("value")).isEqualTo("2026-12-03T10:30");
    }

    @Test
    void aScreenshotIsAPngOfTheWindow() throws IOException {
        browser.driver().get(url("/form"));
        browser.await(ExpectedConditions.titleIs("Probe form"));

        Path file = browser.screenshot("browser-test-form");

        assertThat(file).isEqualTo(Path.of("target", "screenshots", "browser-test-form.png")).isRegularFile();
        byte[] png = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(png, 8)).as("PNG signature")
                .containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(Browser.WIDTH);
        assertThat(image.getHeight()).isPositive().isLessThanOrEqualTo(Browser.HEIGHT);
        assertThat(hasDarkPixel(image)).as("the page's text is drawn, not a blank image").isTrue();
    }

    @Test
    void aMissingBrowserOrDriverNamesThePackagesToInstall() {
        assertThatThrownBy(() -> Browser.requireInstalled(Path.of("/nonexistent/chromium"), Browser.CHROMEDRIVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Chromium (/nonexistent/chromium, package chromium)")
                .hasMessageNotContaining("ChromeDriver (")
                .hasMessageContaining("apt-get install chromium chromium-driver")
                .hasMessageContaining(".ci/run");
        assertThatThrownBy(() -> Browser.requireInstalled(Browser.CHROMIUM, Path.of("/nonexistent/chromedriver")))
                .hasMessageContaining("ChromeDriver (/nonexistent/chromedriver, package chromium-driver)")
                .hasMessageNotContaining("Chromium (");
    }

    @Test
    void aBadLanguageOrScreenshotNameIsRefused() {
        assertThatThrownBy(() -> Browser.start("spanish")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> browser.screenshot("../escape")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static boolean hasDarkPixel(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 80 && ((rgb >> 8) & 0xff) < 80 && (rgb & 0xff) < 80) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, String> formFields(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void respond(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
