package dev.switchboard.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * One person in headless Chromium (Debian's {@code chromium} and {@code chromedriver}), using the chat page the
 * way a person does. Every wait is on a condition, with a timeout.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    /**
     * Starts a browser. Where Chromium is not installed the test is skipped, except in CI (CI=true), whose
     * {@code .ci/run} installs it, and wherever {@code -Dbrowser.tests.required=true} is given.
     */
    public static Browser start() {
        return start(new String[0]);
    }

    /** As {@link #start()}, with more Chromium command-line arguments. */
    public static Browser start(String... arguments) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        boolean required = Boolean.getBoolean("browser.tests.required") || "true".equals(System.getenv("CI"));
        if (!present && !required) {
            Assumptions.abort("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1000,900");
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Opens a page that is not the chat page (e.g. the status page), waiting for nothing but its load. */
    public void openPage(URI page) {
        driver.get(page.toString());
    }

    /** An element's text as a number ({@code 1,234.5} reads as 1234.5); NaN when it shows none. */
    double number(String id) {
        String text = text(id).replace(",", "");
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    String attribute(String id, String name) {
        return driver.findElement(By.id(id)).getAttribute(name);
    }

    public void open(URI page) {
        driver.get(page.toString());
        wait.until(d -> !text("page-port").isEmpty());
    }

    /** Picks a room and a name and joins; returns when the page says it is live. */
    public void join(String room, String name) {
        WebElement roomField = driver.findElement(By.id("room"));
        roomField.clear();
        roomField.sendKeys(room);
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("join-button")).click();
        awaitState("live");
    }

    /** Signed in (a token in the page's fragment): picks a room and joins; the token names the member. */
    void joinSignedIn(String room) {
        WebElement roomField = driver.findElement(By.id("room"));
        roomField.clear();
        roomField.sendKeys(room);
        driver.findElement(By.id("join-button")).click();
    }

    /** Types a message and presses Enter. */
    public void say(String text) {
        driver.findElement(By.id("text")).sendKeys(text, Keys.ENTER);
    }

    /** Puts text in the message box as a paste would (long texts), then presses Enter. */
    void pasteAndEnter(String text) {
        WebElement box = driver.findElement(By.id("text"));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", box, text);
        box.sendKeys(Keys.ENTER);
    }

    /** Waits up to {@code timeout}, for promises longer than the default wait (e.g. the page's reconnect backoff). */
    public void awaitState(String state, Duration timeout) {
        new WebDriverWait(driver, timeout).withMessage(() -> "page state is " + state())
                .until(d -> state.equals(state()));
    }

    void awaitState(String state) {
        wait.withMessage(() -> "page state is " + state()).until(d -> state.equals(state()));
    }

    String state() {
        return driver.findElement(By.id("state")).getAttribute("data-state");
    }

    /** Waits until a message with this text is shown, and returns how many are. */
    public long awaitMessage(String text) {
        wait.withMessage(() -> "no message '" + text + "' among " + messageTexts())
                .until(d -> messageTexts().contains(text));
        return messageTexts().stream().filter(text::equals).count();
    }

    List<String> messageTexts() {
        return driver.findElements(By.cssSelector("#messages li.message .text")).stream()
                .map(WebElement::getText).toList();
    }

    List<String> shownSeqs() {
        return driver.findElements(By.cssSelector("#messages li.message")).stream()
                .map(item -> item.getAttribute("data-seq")).toList();
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    int elementCount(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).size();
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Runs a script that calls its last argument with the result. */
    Object asyncScript(String script, Object... arguments) {
        driver.manage().timeouts().scriptTimeout(TIMEOUT);
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    void awaitText(String id, String fragment) {
        wait.withMessage(() -> "#" + id + " says '" + text(id) + "'").until(d -> text(id).contains(fragment));
    }

    /** Waits until the element shows no text. */
    void awaitEmpty(String id) {
        wait.withMessage(() -> "#" + id + " still says '" + text(id) + "'").until(d -> text(id).isEmpty());
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Saves a screenshot under target/screenshots and returns its path. */
    Path screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        return Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
