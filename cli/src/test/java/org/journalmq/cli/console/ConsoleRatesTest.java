package org.journalmq.cli.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.ClaimRequest;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.Journals;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.TestDatabases;
import org.journalmq.persistence.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the destination page's rates count every JVM's traffic, not only the console's own. A
 * second journal client on the same database (what another JVM is to the console) sends and
 * acknowledges while the console's own journal does nothing: its rates must still move.
 */
class ConsoleRatesTest {
    private static final long TIMEOUT_MS = 20_000;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private JournalConnectionFactory factory;
    private JournalConsole console;
    private Journal other;

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
        if (other != null) {
            other.close();
        }
    }

    @Test
    void ratesCountTheTrafficOfAnotherJournalClient() throws Exception {
        String url = TestDatabases.hsqldbMemUrl();
        factory = new JournalConnectionFactory(url);
        factory.setJmxEnabled(false);
        // Another client, as another JVM would be: a 300 ms lease makes it publish its counts every 100 ms.
        other = Journals.open(JournalConfig.builder(url).leaseMillis(300).build());
        console = JournalConsole.start(factory, ConsoleOptions.loopback(0).withSamplePeriod(200));

        // A destination's first sample is its baseline (no rate): let the console sample the queue
        // with its first message at least twice (a rate figure exists) before the traffic to measure.
        // The current figures alone are not enough: they can show the count before the queue's
        // series has taken it as its baseline.
        other.writeAndWait(UnitOfWork.send(new NewMessage("Q:orders", 4, 0, 0, null, "first".getBytes(UTF_8))));
        awaitPage("the queue sampled with its first message", p -> p.contains("\"journalEnqueued\":1")
                && rates(p, "enqueuedPerSec") > 0);

        List<NewMessage> sends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sends.add(new NewMessage("Q:orders", 4, 0, 0, null, ("order " + i).getBytes(UTF_8)));
        }
        other.writeAndWait(new UnitOfWork(sends, List.of()));
        List<StoredMessage> claimed = other.claim(ClaimRequest.of("Q:orders", 2));
        other.writeAndWait(UnitOfWork.ack(claimed.stream().map(StoredMessage::ack).toList()));

        String page = awaitPage("a non-zero enqueue and acknowledge rate", p ->
                max(p, "enqueuedPerSec") > 0 && max(p, "ackedPerSec") > 0);
        assertTrue(page.contains("\"journalEnqueued\":6"), page);
        assertTrue(page.contains("\"journalAcked\":2"), page);
        try (var admin = factory.createAdmin()) {
            assertEquals(0, admin.figures().queue("orders").orElseThrow().enqueued(),
                    "the console's own journal sent nothing: the rates are the other client's traffic");
        }
    }

    private String awaitPage(String what, java.util.function.Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        String page = "";
        while (System.nanoTime() < deadline) {
            page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port()
                    + "/api/destination?address=Q%3Aorders")).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (condition.test(page)) {
                return page;
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling interval of the bounded wait
        }
        throw new AssertionError("timed out waiting for " + what + ": " + page);
    }

    /** How many numbers (not nulls) the JSON array named {@code key} holds. */
    private static int rates(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\[([^\\]]*)]").matcher(json);
        int count = 0;
        if (m.find()) {
            for (String v : m.group(1).split(",")) {
                if (!v.isBlank() && !v.equals("null")) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The largest number of a JSON array of numbers and nulls named {@code key}, 0 when none. */
    private static double max(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\[([^\\]]*)]").matcher(json);
        double max = 0;
        if (m.find()) {
            for (String v : m.group(1).split(",")) {
                if (!v.isBlank() && !v.equals("null")) {
                    max = Math.max(max, Double.parseDouble(v));
                }
            }
        }
        return max;
    }
}
