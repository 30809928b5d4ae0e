package dev.promesa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for tests: Debian's headless Chromium, driven through Debian's chromedriver by Selenium.
 *
 * <p>
 * Both paths are fixed ({@link #CHROMIUM}, {@link #CHROMEDRIVER}) and handed to Selenium, so Selenium Manager never
 * runs: it would try to download a driver, and these machines reach only Maven Central, Debian and npm. When either
 * file is missing, {@link #start(String)} fails at once and says which {@code apt-get} command installs it.
 *
 * <p>
 * Each browser gets its own throwaway profile (a fresh {@code --user-data-dir}, deleted by {@link #close()}), so no
 * cookie, cache or storage leaks from one browser to the next; within one browser they do persist, from page to page
 * and from test method to test method. On two busy cores, starting one takes 0.7 to 1.4 s (the first in a JVM up
 * to 3 s, loading Selenium's classes) and quitting 0.1 to 0.5 s: start one per test class, not per test method.
 *
 * <pre>{@code
 * static Browser browser;
 *
 * @BeforeAll
 * static void startBrowser() {
 *     browser = Browser.start("es");
 * }
 *
 * @AfterAll
 * static void quitBrowser() {
 *     browser.close();
 * }
 * }</pre>
 *
 * <p>
 * Waiting: {@link #await(Function)} wraps Selenium's {@link WebDriverWait} (pass it an
 * {@link org.openqa.selenium.support.ui.ExpectedConditions ExpectedConditions} or any lambda); it polls every half
 * second and gives up after {@link #DEFAULT_WAIT}. Never sleep.
 *
 * <p>
 * Not thread-safe, like the {@link WebDriver} underneath: one test thread per browser.
 */
public final class Browser implements AutoCloseable {
    /** Debian's launcher script for Chromium (package {@code chromium}). */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Debian's ChromeDriver (package {@code chromium-driver}), of the same version as {@link #CHROMIUM}. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * The window's size. The page gets less height than this (about 757 px, as a headed window's tabs and toolbar
     * would take the rest): screenshots are {@value #WIDTH} px wide and a little less than {@value #HEIGHT} tall.
     */
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 900;
    /** How long {@link #await(Function)} waits before it fails. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    /** Where {@link #screenshot(String)} writes, relative to the working directory (a module's, under Maven). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** A language tag as Chromium's {@code --lang} takes it: {@code es}, {@code en}, {@code en-GB}, {@code pt-BR}. */
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
    private static final Pattern SCREENSHOT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /**
     * Every start logs a WARNING "Unable to find CDP implementation matching 156": Selenium looks for its DevTools
     * bindings of the browser's version (selenium-devtools-v156), which we leave out because nothing here uses
     * DevTools. Silenced so it does not read as a fault; a test that calls {@code getDevTools()} still fails loudly.
     * Held in a field: the logging framework keeps loggers only weakly, and a collected one forgets its level.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final String lang;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Thread cleanup;
    private boolean closed;

    private Browser(String lang, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.lang = lang;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        // A test class that forgets close() must not leave a Chromium behind when the JVM ends.
        this.cleanup = new Thread(this::quit, "browser-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Starts a headless Chromium whose interface language and {@code Accept-Language} header are {@code lang} (e.g.
     * {@code "es"} or {@code "en"}), with an empty profile and a {@value #WIDTH}x{@value #HEIGHT} window.
     *
     * @throws IllegalStateException when Chromium or ChromeDriver is not installed, or the browser does not start
     */
    public static Browser start(String lang) {
        if (lang == null || !LANG.matcher(lang).matches()) {
            throw new IllegalArgumentException("A language tag such as es, en or en-GB, not " + lang);
        }
        requireInstalled(CHROMIUM, CHROMEDRIVER);
        Path profile = createProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                // On Linux Chromium takes its interface locale (a date picker's field order, 12 or 24 hours) from
                // LANGUAGE, not from --lang; Debian's chromium-l10n holds the locales other than en-US
                .withEnvironment(Map.of("LANGUAGE", lang.replace('-', '_')))
                .build();
        try {
            return new Browser(lang, profile, service, new ChromeDriver(service, options(lang, profile)));
        } catch (RuntimeException e) {
            service.stop();
            TestFiles.deleteRecursively(profile);
            throw new IllegalStateException("Chromium (" + CHROMIUM + ") did not start through " + CHROMEDRIVER
                    + ". Their versions must match: run `" + CHROMIUM + " --version` and `" + CHROMEDRIVER
                    + " --version`.", e);
        }
    }

    /** The flags these machines need: root without a sandbox, no GPU, nothing that reaches out to the internet. */
    static ChromeOptions options(String lang, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                // Tests run as root here, and Chromium's sandbox refuses root.
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // No network beyond the page under test: no QUIC probes, update checks, sync, component downloads.
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--lang=" + lang);
        // --lang sets the interface (navigator.language); this preference sets the Accept-Language header.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
        return options;
    }

    /** Fails with the command that installs what is missing. Package-private for its test. */
    static void requireInstalled(Path chromium, Path chromedriver) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(chromium)) {
            missing.add("Chromium (" + chromium + ", package chromium)");
        }
        if (!Files.isExecutable(chromedriver)) {
            missing.add("ChromeDriver (" + chromedriver + ", package chromium-driver)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The browser tests need " + String.join(" and ", missing)
                    + ", which this machine lacks. Install both from Debian:"
                    + " `apt-get install chromium chromium-driver chromium-l10n` (.ci/run installs them on a fresh machine).");
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("promesa-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary directory for the browser's profile", e);
        }
    }

    /** The Selenium driver of this browser. */
    public WebDriver driver() {
        requireOpen();
        return driver;
    }

    /** The language this browser was started with: its interface language and its {@code Accept-Language}. */
    public String lang() {
        return lang;
    }

    /**
     * Saves what the window shows now as {@code target/screenshots/<name>.png} (creating the folders) and returns the
     * file's path. An existing file of that name is replaced.
     *
     * @param name letters, digits, dots, dashes and underscores, e.g. {@code board-overdue-es}
     */
    public Path screenshot(String name) {
        if (name == null || !SCREENSHOT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A screenshot name is letters, digits, '.', '-' and '_', not " + name);
        }
        byte[] png = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES);
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the screenshot " + file.toAbsolutePath(), e);
        }
    }

    /**
     * Waits up to {@link #DEFAULT_WAIT} until {@code condition} returns something other than {@code null} or
     * {@code false}, and returns it. Exceptions of type {@link org.openqa.selenium.NotFoundException} and
     * {@link StaleElementReferenceException} (the live part replaced the element) count as "not yet"; any other
     * exception fails at once.
     *
     * @throws org.openqa.selenium.TimeoutException when the condition still does not hold at the end
     */
    public <T> T await(Function<? super WebDriver, T> condition) {
        return await(DEFAULT_WAIT, condition);
    }

    /** {@link #await(Function)} with a timeout of one's own. */
    public <T> T await(Duration timeout, Function<? super WebDriver, T> condition) {
        // a live page replaces its parts while the condition reads them: an element gone stale is asked for again
        return new WebDriverWait(driver(), timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Quits Chromium and ChromeDriver and deletes the profile. Closing twice does nothing. */
    @Override
    public void close() {
        quit();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException jvmShuttingDown) {
            // The hook runs (or ran) anyway.
        }
    }

    private synchronized void quit() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } catch (WebDriverException e) {
            System.err.println("[test-support] Chromium did not quit cleanly: " + e.getMessage());
        } finally {
            service.stop();
            TestFiles.deleteRecursively(profile);
        }
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This browser is closed");
        }
    }

    /** For messages: which binaries, which language. */
    @Override
    public String toString() {
        return "Browser[" + CHROMIUM + " via " + CHROMEDRIVER + ", lang " + lang + "]";
    }
}
