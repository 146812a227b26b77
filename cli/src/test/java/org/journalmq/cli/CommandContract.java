package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every journal must support through the command line. Subclasses give the connection
 * options of a real journal (HSQLDB file, PostgreSQL); each test uses queues of its own.
 */
abstract class CommandContract {

    private String queue;

    /** Connection options (--url, --user, --table-prefix ...) for the journal under test. */
    abstract List<String> journal();

    @BeforeEach
    void freshQueue() {
        queue = "cli-test-" + UUID.randomUUID();
    }

    private Cli.Result ok(String command, String... args) {
        Cli.Result r = Cli.run(command, journal(), args);
        assertEquals(0, r.exitCode(), () -> command + " failed: " + r);
        return r;
    }

    @Test
    void sendThenReceiveRoundTrip() {
        Cli.Result sent = ok("send", "--queue", queue, "hello, journal");
        assertEquals(1, sent.outLines().size(), sent::toString);
        assertTrue(sent.outLines().get(0).startsWith("ID:"), sent::toString);

        Cli.Result received = ok("receive", "--queue", queue, "--timeout", "5000");
        assertEquals(List.of("hello, journal"), received.outLines());
        assertEquals("", received.err());
    }

    @Test
    void countSendsAndReceivesSeveralAndReportsAShortfall() {
        Cli.Result sent = ok("send", "--queue", queue, "--count", "3", "same body");
        assertEquals(3, new HashSet<>(sent.outLines()).size(), () -> "three distinct ids: " + sent);

        Cli.Result received = ok("receive", "--queue", queue, "--count", "5", "--timeout", "500");
        assertEquals(List.of("same body", "same body", "same body"), received.outLines());
        assertTrue(received.err().contains("received 3 of 5"), received::toString);
    }

    @Test
    void propertiesPriorityAndHeadersAreShownWithVerbose() {
        Cli.Result sent = ok("send", "--queue", queue, "--property", "color=blue", "--property", "size=XL",
                "--priority", "7", "body with properties");
        String id = sent.outLines().get(0);

        Cli.Result received = ok("receive", "--queue", queue, "--verbose");
        String out = received.out();
        assertTrue(out.contains("JMSMessageID: " + id), out);
        assertTrue(out.contains("JMSPriority: 7"), out);
        assertTrue(out.contains("JMSDeliveryMode: PERSISTENT"), out);
        assertTrue(out.contains("JMSXDeliveryCount: 1"), out);
        assertTrue(out.contains("property color: blue"), out);
        assertTrue(out.contains("property size: XL"), out);
        assertTrue(out.contains("body: body with properties"), out);
    }

    @Test
    void browseShowsWithoutRemoving() {
        ok("send", "--queue", queue, "--count", "2", "kept");
        ok("send", "--queue", queue, "--priority", "9", "urgent");

        Cli.Result first = ok("browse", "--queue", queue, "--count", "2");
        assertEquals(List.of("urgent", "kept"), first.outLines(), "delivery order: priority first");
        assertTrue(first.err().contains("2 message(s) shown; more wait on the queue"), first::toString);

        Cli.Result all = ok("browse", "--queue", queue);
        assertEquals(3, all.outLines().size(), all::toString);
        Cli.Result received = ok("receive", "--queue", queue, "--count", "3");
        assertEquals(List.of("urgent", "kept", "kept"), received.outLines(), "browsing removed nothing");
    }

    @Test
    void receiveOnAnEmptyQueueExitsThreeWithANote() {
        Cli.Result r = Cli.run("receive", journal(), "--queue", queue, "--timeout", "200");
        assertEquals(JournalMq.EXIT_NOTHING_RECEIVED, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("no message on queue '" + queue + "'"), r::toString);
    }

    @Test
    void delayedMessageIsNotReceivedBeforeItsTime() {
        ok("send", "--queue", queue, "--delay", "3000", "later"); // long enough for a slow CI machine
        Cli.Result early = Cli.run("receive", journal(), "--queue", queue, "--timeout", "0");
        assertEquals(JournalMq.EXIT_NOTHING_RECEIVED, early.exitCode(), early::toString);

        Cli.Result onTime = ok("receive", "--queue", queue, "--timeout", "10000");
        assertEquals(List.of("later"), onTime.outLines());
    }

    @Test
    void expiredMessageIsNeverReceived() throws InterruptedException {
        ok("send", "--queue", queue, "--ttl", "200", "short-lived");
        Thread.sleep(700);
        Cli.Result r = Cli.run("receive", journal(), "--queue", queue, "--timeout", "300");
        assertEquals(JournalMq.EXIT_NOTHING_RECEIVED, r.exitCode(), r::toString);
    }

    @Test
    void demoWithFewMessagesPrintsItsFinalLineAndLeavesNothingBehind() {
        Cli.Result r = ok("demo", "--messages", "300", "--size", "128", "--producers", "2", "--consumers", "2");
        String last = r.outLines().get(r.outLines().size() - 1);
        assertTrue(last.matches("demo done: 300 messages in [0-9.]+ s: [0-9]+ msgs/s, end-to-end latency"
                + " p50 [0-9.]+ ms, p99 [0-9.]+ ms"), r::toString);

        Matcher m = Pattern.compile("queue (journalmq-demo-\\w+)").matcher(r.out());
        assertTrue(m.find(), r::toString);
        Cli.Result left = Cli.run("receive", journal(), "--queue", m.group(1), "--timeout", "0");
        assertEquals(JournalMq.EXIT_NOTHING_RECEIVED, left.exitCode(), () -> "demo queue not drained: " + left);
    }

    @Test
    void invalidQueueNameFailsWithAClearMessage() {
        Cli.Result r = Cli.run("send", journal(), "--queue", " padded ", "x");
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("queue name has leading or trailing white space"), r::toString);
        assertFalse(r.err().contains("\tat "), () -> "no stack trace without --debug: " + r);

        Cli.Result empty = Cli.run("receive", journal(), "--queue", "", "--timeout", "0");
        assertEquals(JournalMq.EXIT_USAGE, empty.exitCode(), empty::toString);
        assertTrue(empty.err().contains("queue name is empty"), empty::toString);
    }

    @Test
    void invalidPropertyNameIsAUsageError() {
        Cli.Result r = Cli.run("send", journal(), "--queue", queue, "--property", "1st=x", "body");
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("1st"), r::toString);
        Cli.Result nothing = Cli.run("receive", journal(), "--queue", queue, "--timeout", "0");
        assertEquals(JournalMq.EXIT_NOTHING_RECEIVED, nothing.exitCode(), () -> "nothing was sent: " + nothing);
    }

    /**
     * Issue 15 item 5: queue names made of SQL metacharacters, control characters, unicode, LIKE
     * wildcards, 10,000 characters or only white space are refused as a usage error naming the
     * problem (the JMS rules: 1-200 characters, no control characters, no leading or trailing white
     * space), or work in send, browse, receive and purge without touching another queue.
     */
    @Test
    void hostileQueueNamesAreRefusedOrRoundTrip() {
        String canary = "cli-canary-" + UUID.randomUUID();
        ok("send", "--queue", canary, "--count", "2", "canary");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // Matched by the "100% off_..." name read as a LIKE pattern: a purge by pattern would empty it.
        String sibling = "100 and more offX" + tag + " YZ";
        ok("send", "--queue", sibling, "sibling");
        List<String> names = List.of("'; DROP TABLE JMQ_DELIVERY; --" + tag, tag + "' OR '1'='1",
                "\"" + tag + "\" OR \"\"=\"", "/* " + tag + " */ SELECT 1", tag + "; DELETE FROM JMQ_SCHEMA_VERSION;",
                "back\\slash " + tag + " \\'", "nul\u0000" + tag, "bell\u0007" + tag, tag + " new\nline",
                "emoji \uD83D\uDE00 " + tag, "rtl \u202E" + tag + "\u202C \u05E2\u05D1", "e\u0301\u0327 " + tag,
                "100% off_" + tag + " _%", "x".repeat(10_000) + tag, "", "   ");
        for (String name : names) {
            String label = name.length() > 40 ? name.substring(0, 40) + "..." : name;
            String problem = queueNameProblem(name);
            if (problem != null) {
                Cli.Result r = Cli.run("send", journal(), "--queue", name, "x");
                assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), () -> label + ": " + r);
                assertTrue(r.err().contains(problem), () -> label + " must be refused naming '" + problem + "': " + r);
                continue;
            }
            ok("send", "--queue", name, "--property", "v=" + name, name);
            Cli.Result browsed = ok("browse", "--queue", name, "--verbose");
            assertTrue(browsed.out().contains(name), () -> label + ": browse does not show it: " + browsed);
            assertEquals(List.of(name), ok("receive", "--queue", name, "--timeout", "5000").outLines(), label);
            ok("send", "--queue", name, "--count", "2", "to purge");
            ok("purge", "--queue", name, "--yes");
            Cli.Result left = Cli.run("receive", journal(), "--queue", name, "--timeout", "0");
            assertEquals(JournalMq.EXIT_NOTHING_RECEIVED, left.exitCode(), () -> label + ": purge left some: " + left);
        }
        assertEquals(List.of("canary", "canary"),
                ok("receive", "--queue", canary, "--count", "2", "--timeout", "5000").outLines(),
                "the canary queue lost messages to a hostile name");
        assertEquals(List.of("sibling"), ok("receive", "--queue", sibling, "--timeout", "5000").outLines(),
                "purging a name with LIKE wildcards emptied a queue it would match as a pattern");
    }

    private static String queueNameProblem(String name) {
        if (name.isEmpty()) {
            return "queue name is empty";
        }
        if (name.length() > 200) {
            return "longer than 200";
        }
        if (!name.strip().equals(name)) {
            return "white space";
        }
        return name.chars().anyMatch(Character::isISOControl) ? "control character" : null;
    }
}
