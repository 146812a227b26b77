package org.journalmq.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: Debian's headless Chromium driven by Selenium through Debian's
 * chromedriver (never a downloaded one). Each test works on queues of its own name in a journal
 * the subclass provides; the console samples every 300 ms so that waits stay short.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleBrowserContract {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** A factory of the journal under test. */
    abstract JournalConnectionFactory factory();

    /** The name of the database, for screenshot files: hsqldb, postgresql. */
    abstract String database();

    private WebDriver browser;
    private JournalConsole console;
    private Connection connection;
    private Session session;
    private String queue;

    @BeforeAll
    void startBrowser() {
        if (!Files.isExecutable(Path.of(CHROMEDRIVER)) || !Files.isExecutable(Path.of(CHROMIUM))) {
            String problem = "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail(problem + "; .ci/run installs them");
            }
            org.junit.jupiter.api.Assumptions.abort(problem);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // root in CI: Chromium's sandbox cannot start as root
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000");
        // the page's console errors, printed after each test: a broken script shows why a wait timed out
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void open() throws Exception {
        queue = "web-" + UUID.randomUUID().toString().substring(0, 8);
        JournalConnectionFactory f = factory();
        connection = f.createConnection();
        session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        console = JournalConsole.start(factory(), ConsoleOptions.loopback(0).withSamplePeriod(300));
    }

    @AfterEach
    void close() throws JMSException {
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                .forEach(e -> System.out.println("browser: " + e.getLevel() + " " + e.getMessage()));
        if (console != null) {
            console.close();
        }
        connection.close();
    }

    private void send(String queueName, String body, long delay, Map<String, Object> properties) throws JMSException {
        try (MessageProducer p = session.createProducer(session.createQueue(queueName))) {
            TextMessage m = session.createTextMessage(body);
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                m.setObjectProperty(e.getKey(), e.getValue());
            }
            p.setDeliveryDelay(delay);
            p.send(m);
        }
    }

    /** A message as the redelivery policy leaves it on DLQ.<queue> (see DeadLetters). */
    private void deadLetter(String origin, String body) throws JMSException {
        send("DLQ." + origin, body, 0, Map.of("JMS_JournalMQ_OriginalDestination", origin,
                "JMS_JournalMQ_DeliveryAttempts", 5,
                "JMS_JournalMQ_DeadLetterReason", "listener threw IllegalStateException: boom"));
    }

    private List<String> bodies(String queueName) throws JMSException {
        List<String> out = new ArrayList<>();
        try (QueueBrowser b = session.createBrowser(session.createQueue(queueName))) {
            for (Object m : Collections.list(b.getEnumeration())) {
                out.add(((TextMessage) m).getText());
            }
        }
        return out;
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // pages redraw their tables at every refresh: an element found a moment ago may be gone
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * The cells of an overview row by class (depth, ready, ...), read in one script call: the page
     * redraws its table at every refresh, so elements found earlier go stale.
     */
    @SuppressWarnings("unchecked")
    private Map<String, String> cells(String name) {
        return waiting().until(d -> (Map<String, String>) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const r = [...document.querySelectorAll('#overview tbody tr')].find(t => t.dataset.name === arguments[0]);"
                        + "if (!r) return null; const o = {};"
                        + "r.querySelectorAll('td').forEach(td => td.classList.forEach(c => { o[c] = td.textContent; }));"
                        + "return o;", name));
    }

    private void screenshot(String name) throws Exception {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path dir = Path.of("target", "console-screenshots");
        Files.createDirectories(dir);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(database() + "-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void overviewShowsTheFiguresOfAJournalWithKnownContents() throws Exception {
        for (int i = 0; i < 4; i++) {
            send(queue, "ready " + i, 0, Map.of());
        }
        send(queue, "later", 3_600_000, Map.of());
        deadLetter(queue, "dead 1");
        deadLetter(queue, "dead 2");
        // a topic subscription is a row too (Jakarta Messaging 3.1 §8.3: a shared durable subscription)
        jakarta.jms.Topic topic = session.createTopic("prices-" + queue);
        var subscriber = session.createSharedDurableConsumer(topic, "audit-" + queue);
        try (MessageProducer p = session.createProducer(topic)) {
            p.send(session.createTextMessage("p1"));
            p.send(session.createTextMessage("p2"));
        }
        browser.get(console.url());
        waiting().until(d -> "5".equals(cells(queue).get("depth")) && "2".equals(cells(queue).get("dlqDepth")));
        Map<String, String> r = cells(queue);
        assertEquals("4", r.get("ready"));
        assertEquals("0", r.get("inFlight"));
        assertEquals("1", r.get("scheduled"));
        assertEquals("0", r.get("consumers"));
        assertFalse(r.get("oldest").isEmpty());
        assertEquals("2", cells("DLQ." + queue).get("depth"));
        Map<String, String> sub = cells("audit-" + queue);
        assertEquals("2", sub.get("depth"), "both publications wait for the subscription");
        assertEquals("1", sub.get("consumers"));
        subscriber.close();
        session.unsubscribe("audit-" + queue);
        screenshot("overview");

        browser.findElement(By.id("filter")).sendKeys(queue);
        waiting().until(d -> d.findElements(By.cssSelector("#overview tbody tr")).size() == 2);
        assertTrue(browser.findElement(By.id("footer")).getText().contains("starts again when the console restarts"));
    }

    @Test
    void theDepthChartFollowsSends() throws Exception {
        send(queue, "first", 0, Map.of());
        browser.get(console.url() + "destination.html?address=Q%3A" + queue);
        WebElement chart = waiting().until(d -> {
            WebElement c = d.findElement(By.id("depth-chart"));
            return "1".equals(c.getAttribute("data-last-depth")) ? c : null;
        });
        int points = Integer.parseInt(chart.getAttribute("data-points"));
        assertTrue(!browser.findElements(By.cssSelector("#depth-chart canvas")).isEmpty(), "uPlot drew a canvas");
        for (int i = 0; i < 6; i++) {
            send(queue, "more " + i, 0, Map.of());
        }
        waiting().until(d -> "7".equals(d.findElement(By.id("depth-chart")).getAttribute("data-last-depth")));
        assertTrue(Integer.parseInt(browser.findElement(By.id("depth-chart")).getAttribute("data-points")) > points,
                "new samples were added to the chart");
        assertEquals("7", browser.findElement(By.id("fig-depth")).getText());
        browser.findElement(By.id("refresh-messages")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#messages tbody tr")).size() == 7);
        assertTrue(browser.findElement(By.id("messages")).getText().contains("more 5"));
        screenshot("destination");
    }

    @Test
    void aDeadLetterReplayedThroughThePageReachesItsQueue() throws Exception {
        deadLetter(queue, "poison 1");
        deadLetter(queue, "poison 2");
        browser.get(console.url() + "deadletters.html?dlq=DLQ." + queue);
        waiting().until(d -> d.findElements(By.cssSelector("#dead-letters tbody tr")).size() == 2);
        WebElement first = browser.findElements(By.cssSelector("#dead-letters tbody tr")).get(0);
        assertTrue(first.getText().contains(queue) && first.getText().contains("boom"), first.getText());
        first.findElement(By.cssSelector("input[type=checkbox]")).click();
        browser.findElement(By.id("replay-selected")).click();
        waiting().until(d -> d.findElement(By.id("replay-result")).getText().startsWith("replayed 1 message(s)"));
        assertEquals(List.of("poison 1"), bodies(queue), "the selected dead letter is back on its queue");
        assertEquals(List.of("poison 2"), bodies("DLQ." + queue));
        try (var consumer = session.createConsumer(session.createQueue(queue))) {
            connection.start();
            Message m = consumer.receive(10_000);
            assertEquals("poison 1", ((TextMessage) m).getText());
            assertFalse(m.propertyExists("JMS_JournalMQ_DeadLetterReason"), "a replay strips the dead-letter properties");
        }

        browser.findElement(By.id("replay-all")).click();
        assertTrue(browser.findElement(By.id("replay-confirm")).isDisplayed(), "replaying all asks first");
        assertEquals(List.of("poison 2"), bodies("DLQ." + queue), "nothing replayed before the confirmation");
        browser.findElement(By.id("replay-confirm-button")).click();
        waiting().until(d -> d.findElement(By.id("replay-result")).getText().startsWith("replayed 1 message(s)")
                && d.findElements(By.cssSelector("#dead-letters tbody tr")).isEmpty());
        assertEquals(List.of("poison 2"), bodies(queue));
    }

    @Test
    void aPurgeNeedsTheConfirmation() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(queue, "keep? " + i, 0, Map.of());
        }
        browser.get(console.url() + "destination.html?address=Q%3A" + queue);
        waiting().until(d -> "3".equals(d.findElement(By.id("fig-depth")).getText()));
        assertFalse(browser.findElement(By.id("purge-confirm")).isDisplayed());
        browser.findElement(By.id("purge")).click();
        assertTrue(browser.findElement(By.id("purge-confirm")).isDisplayed(), "the purge button only asks");
        assertEquals(3, bodies(queue).size(), "nothing deleted by the first click");

        browser.findElement(By.id("purge-name")).sendKeys("not-" + queue);
        browser.findElement(By.id("purge-confirm-button")).click();
        waiting().until(d -> d.findElement(By.id("purge-result")).getText().contains("needs confirmation"));
        assertEquals(3, bodies(queue).size(), "a wrong name deletes nothing");

        browser.findElement(By.id("purge-name")).clear();
        browser.findElement(By.id("purge-name")).sendKeys(queue);
        browser.findElement(By.id("purge-confirm-button")).click();
        waiting().until(d -> d.findElement(By.id("purge-result")).getText().equals("purged 3 message(s)"));
        assertEquals(List.of(), bodies(queue));
        waiting().until(d -> "0".equals(d.findElement(By.id("fig-depth")).getText()));
    }

    @Test
    void clientsPageListsTheLiveJvmsWithTheirConsumers() throws Exception {
        Connection named = factory().createConnection();
        named.setClientID("web-client-" + queue);
        named.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(session.createQueue(queue));
        browser.get(console.url() + "clients.html");
        waiting().until(d -> d.findElement(By.id("clients")).getText().contains("web-client-" + queue));
        // the table is redrawn at every refresh: read its text in one call
        String table = waiting().until(d -> {
            try {
                return d.findElement(By.id("clients")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            }
        });
        String line = table.lines().filter(l -> l.contains("web-client-" + queue)).findFirst().orElseThrow();
        assertTrue(line.contains("ago"), line);
        assertTrue(browser.findElement(By.id("status")).getText().contains("live client(s)"));
        named.close();
    }
}
