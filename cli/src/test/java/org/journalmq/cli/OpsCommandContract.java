package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.DeadLetters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The operator commands (issue 8, item 3) end to end against a real journal: stat, browse, dlq,
 * purge and move, run in-process with captured output and exit code. Dead letters are made as the
 * dead-letter contract describes them: ordinary messages with the JMS_JournalMQ_* properties on
 * DLQ.<queue> (see {@link OpsTestBase}).
 */
abstract class OpsCommandContract extends OpsTestBase {

    // ---------------------------------------------------------------- stat

    @Test
    @DisplayName("stat --json: one object per destination with depth, inFlight, scheduled, dlqDepth, oldestAgeMs, consumers")
    void statJsonCountsEachFigure() throws Exception {
        send(queue, "ready-1", 4, 0, Map.of());
        send(queue, "ready-2", 4, 0, Map.of());
        send(queue, "later", 4, 600_000, Map.of());
        deadLetter(queue, "dead", 1);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        Message inFlight = consumer.receive(10_000); // CLIENT_ACKNOWLEDGE, not acknowledged: stays in flight
        assertEquals("ready-1", ((TextMessage) inFlight).getText());

        Cli.Result r = ok("stat", "--json");
        List<Map<String, Object>> all = JsonReader.array(r.out());
        Map<String, Object> q = find(all, queue);
        assertEquals("queue", q.get("type"));
        assertEquals(3L, q.get("depth"));
        assertEquals(1L, q.get("ready"));
        assertEquals(1L, q.get("inFlight"));
        assertEquals(1L, q.get("scheduled"));
        assertEquals(1L, q.get("dlqDepth"));
        assertEquals("DLQ." + queue, q.get("deadLetterQueue"));
        assertEquals(1L, q.get("consumers"));
        assertTrue((Long) q.get("oldestAgeMs") >= 0, r::toString);
        Map<String, Object> dlq = find(all, "DLQ." + queue);
        assertEquals(1L, dlq.get("depth"));
        assertTrue(r.err().matches("journalmq stat: [1-9][0-9]* live client\\(s\\)\\R"), r::toString);

        Cli.Result one = ok("stat", "--json", "--queue", queue);
        assertEquals(1, JsonReader.array(one.out()).size(), one::toString);
        consumer.close();
        Cli.Result human = ok("stat", "--queue", queue);
        assertTrue(human.out().contains(Figures.HEADER), human::toString);
        assertTrue(human.outLines().get(2).matches("queue +" + queue + " +3 +1 +1 +1 +1 +.+ +0"), human::toString);
    }

    /**
     * Issue 13 item 3: above --exact-limit a destination's waiting figures are estimates (the ready
     * and scheduled split of Jakarta Messaging 3.1 §7.9, delivery delay), marked ~ in the table and
     * named in the JSON "estimated" list; the in-flight count (§6.2.10, delivered, unacknowledged)
     * and the consumers stay counted. A limit of 3 stands in for the default 10,000.
     */
    @Test
    @DisplayName("stat --exact-limit: estimates above the limit marked ~ and named in JSON \"estimated\"; --exact counts")
    void statMarksEstimatesAboveTheExactLimit() throws Exception {
        for (int i = 0; i < 6; i++) {
            send(queue, "m" + i, 4, 0, Map.of());
        }
        Map<String, Object> estimated = JsonReader.array(ok("stat", "--json", "--exact-limit", "3", "--queue", queue)
                .out()).get(0);
        assertEquals(List.of("depth", "oldestAgeMs", "ready", "scheduled"), estimated.get("estimated"),
                estimated::toString);
        assertTrue((Long) estimated.get("depth") > 3, "never below the rows read: " + estimated);
        assertEquals(0L, estimated.get("inFlight"));

        for (String[] exact : new String[][] {{"--exact-limit", "6"}, {"--exact"}}) {
            List<String> args = new ArrayList<>(List.of("--json", "--queue", queue));
            args.addAll(List.of(exact));
            Map<String, Object> counted = JsonReader.array(ok("stat", args.toArray(String[]::new)).out()).get(0);
            assertEquals(List.of(), counted.get("estimated"), counted::toString);
            assertEquals(6L, counted.get("depth"));
        }

        Cli.Result human = ok("stat", "--exact-limit", "3", "--queue", queue);
        assertTrue(human.outLines().get(2).matches("queue +" + queue + " +~[0-9]+ +~[0-9]+ +0 +~0 +0 +~.+ +0"),
                human::toString);
        assertTrue(human.out().contains("~ estimate: more than 3 messages"), human::toString);
        assertFalse(ok("stat", "--queue", queue).out().contains("~"), "6 messages are under the default limit");

        Cli.Result zero = run("stat", "--exact-limit", "0");
        assertEquals(JournalMq.EXIT_USAGE, zero.exitCode(), zero::toString);
        assertTrue(zero.err().contains("--exact-limit needs at least 1, was 0"), zero::toString);
    }

    @Test
    @DisplayName("stat: oldest message age grows with the oldest message")
    void statOldestAgeFollowsTheOldestMessage() throws Exception {
        send(queue, "old", 4, 0, Map.of());
        long sent = System.currentTimeMillis();
        long waitedAtLeast = 300;
        long until = sent + waitedAtLeast;
        while (System.currentTimeMillis() < until) {
            Thread.sleep(until - System.currentTimeMillis()); // the age must grow: time has to pass
        }
        long age = (Long) find(JsonReader.array(ok("stat", "--json").out()), queue).get("oldestAgeMs");
        long bound = System.currentTimeMillis() - sent + 2_000; // database clock estimate: allow 2 s of skew
        assertTrue(age >= waitedAtLeast - 50 && age <= bound, "age " + age + " ms");
    }

    @Test
    @DisplayName("stat --watch: redraws in place (ANSI clear/home) --count times")
    void statWatchRedrawsInPlace() throws Exception {
        send(queue, "x", 4, 0, Map.of());
        Cli.Result r = ok("stat", "--watch", "1", "--count", "2", "--queue", queue);
        assertEquals(2, r.out().split(java.util.regex.Pattern.quote(StatCommand.CLEAR_HOME), -1).length - 1, r::toString);
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("queue ")).count(), r::toString);
    }

    @Test
    @DisplayName("compact --json: a small journal has nothing to compact (PostgreSQL indexes, HSQLDB data file)")
    void compactReportsItsOutcome() throws Exception {
        send(queue, "x", 4, 0, Map.of());
        Map<String, Object> out = JsonReader.object(ok("compact", "--json").out().trim());
        assertEquals("NOT_NEEDED", out.get("outcome"), out::toString);
        assertEquals(List.of(), out.get("tables"));
        assertTrue(ok("compact").out().startsWith("NOT_NEEDED: "));
    }

    @Test
    @DisplayName("stat --queue of an unknown queue: exit 2, clear message")
    void statOfUnknownQueueIsAUsageError() {
        Cli.Result r = run("stat", "--queue", queue);
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("unknown queue '" + queue + "'"), r::toString);
    }

    // ---------------------------------------------------------------- browse

    @Test
    @DisplayName("browse --selector (spec 3.8 message selectors): only matching messages, nothing removed")
    void browseWithSelectorShowsOnlyMatches() throws Exception {
        send(queue, "red one", 4, 0, Map.of("color", "red", "size", 3));
        send(queue, "blue one", 4, 0, Map.of("color", "blue", "size", 5));
        send(queue, "red two", 7, 0, Map.of("color", "red", "size", 8));

        Cli.Result r = ok("browse", "--queue", queue, "--selector", "color = 'red' AND size > 2", "-v");
        assertTrue(r.out().contains("body: red two") && r.out().contains("body: red one"), r::toString);
        assertFalse(r.out().contains("blue"), r::toString);
        assertTrue(r.out().indexOf("red two") < r.out().indexOf("red one"), "priority order");
        assertTrue(r.out().contains("property color: red"), r::toString);
        assertTrue(r.err().contains("2 message(s) shown"), r::toString);

        List<Map<String, Object>> json = JsonReader.array(ok("browse", "--queue", queue, "--json",
                "--selector", "size = 5").out());
        assertEquals(1, json.size());
        assertEquals("blue one", json.get(0).get("body"));
        assertEquals("text", json.get(0).get("bodyType"));
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) json.get(0).get("properties");
        assertEquals("blue", props.get("color"));
        assertEquals(5L, props.get("size"));
        assertEquals(3, browse(queue).size(), "browsing removed nothing");
    }

    @Test
    @DisplayName("browse with a bad selector (InvalidSelectorException): exit 2, nothing changed")
    void browseWithBadSelectorIsAUsageError() throws Exception {
        send(queue, "kept", 4, 0, Map.of());
        Cli.Result r = run("browse", "--queue", queue, "--selector", "color = ");
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("journalmq browse: "), r::toString);
        assertEquals("", r.out());
        assertEquals(1, browse(queue).size());
    }

    @Test
    @DisplayName("browse of an unknown queue: exit 2")
    void browseOfUnknownQueueIsAUsageError() {
        Cli.Result r = run("browse", "--queue", queue);
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("unknown queue '" + queue + "'"), r::toString);
    }

    // ---------------------------------------------------------------- dlq

    @Test
    @DisplayName("dlq list: id, attempts, origin and reason of each dead letter; --json with every property")
    void dlqListShowsWhyMessagesDied() throws Exception {
        deadLetter(queue, "d0", 0);
        deadLetter(queue, "d1", 1);
        Cli.Result r = ok("dlq list", "--queue", queue);
        assertEquals(2, r.outLines().size(), r::toString);
        assertTrue(r.outLines().get(0).matches("ID:\\S+  attempts=3  from=" + queue
                + "  reason=listener threw IllegalStateException: boom 0"), r::toString);
        assertTrue(r.err().contains("2 message(s) in DLQ." + queue), r::toString);

        List<Map<String, Object>> json = JsonReader.array(ok("dlq list", "--queue", queue, "--json",
                "--selector", "n = 1").out());
        assertEquals(1, json.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) json.get(0).get("properties");
        assertEquals(queue, props.get(DeadLetters.ORIGINAL_DESTINATION));
        assertEquals(3L, props.get(DeadLetters.DELIVERY_ATTEMPTS));
    }

    @Test
    @DisplayName("dlq list of a queue without dead letters but known: empty; of an unknown one: exit 2")
    void dlqListOfKnownAndUnknownQueues() throws Exception {
        send(queue, "alive", 4, 0, Map.of());
        Cli.Result empty = ok("dlq list", "--queue", queue);
        assertEquals("", empty.out());
        Cli.Result unknown = run("dlq list", "--queue", "no-such-" + queue);
        assertEquals(JournalMq.EXIT_USAGE, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().startsWith("journalmq dlq list: unknown queue"), unknown::toString);
    }

    @Test
    @DisplayName("dlq replay --selector --limit: exactly the selected messages back to the original queue, dead-letter properties stripped")
    void dlqReplayMovesTheSelectedMessagesBack() throws Exception {
        for (int i = 0; i < 6; i++) {
            deadLetter(queue, "d" + i, i);
        }
        Cli.Result r = ok("dlq replay", "--queue", queue, "--selector", "n >= 2", "--limit", "3", "--json");
        assertEquals(3L, JsonReader.object(r.out()).get("replayed"), r::toString);

        List<Message> back = browse(queue);
        List<String> bodies = new ArrayList<>();
        for (Message m : back) {
            bodies.add(((TextMessage) m).getText());
            assertNull(m.getObjectProperty(DeadLetters.ORIGINAL_DESTINATION), "stripped");
            assertNull(m.getObjectProperty(DeadLetters.DEAD_LETTER_REASON), "stripped");
            assertNull(m.getObjectProperty(DeadLetters.DELIVERY_ATTEMPTS), "stripped");
            assertTrue(m.getIntProperty("n") >= 2, "application properties kept");
            assertEquals(queue, ((Queue) m.getJMSDestination()).getQueueName());
        }
        assertEquals(List.of("d2", "d3", "d4"), bodies);
        List<String> left = new ArrayList<>();
        for (Message m : browse("DLQ." + queue)) {
            left.add(((TextMessage) m).getText());
        }
        assertEquals(List.of("d0", "d1", "d5"), left);

        MessageConsumer c = session.createConsumer(session.createQueue(queue));
        Message first = c.receive(10_000);
        assertEquals(1, first.getIntProperty("JMSXDeliveryCount"), "a replayed message starts its attempts again");
        assertFalse(first.getJMSRedelivered());
    }

    @Test
    @DisplayName("dlq replay --to: to another queue, human output; --dlq names a dead-letter queue of another name")
    void dlqReplayToAnotherQueue() throws Exception {
        deadLetter(queue, "d0", 0);
        deadLetter(queue, "d1", 1);
        String target = queue + "-retry";
        Cli.Result r = ok("dlq replay", "--queue", queue, "--to", target);
        assertEquals(List.of("replayed 2 message(s) from DLQ." + queue + " to " + target), r.outLines());
        assertEquals(0, browse(queue).size(), "nothing went to the original queue");

        // --dlq names the dead-letter queue itself, e.g. one configured on the factory
        String custom = queue + "-failures";
        send(custom, "f0", 4, 0, Map.of(DeadLetters.ORIGINAL_DESTINATION, queue));
        assertTrue(ok("dlq list", "--dlq", custom).out().contains("from=" + queue));
        assertEquals(List.of("replayed 1 message(s) from " + custom + " to original destinations"),
                ok("dlq replay", "--dlq", custom).outLines());
        assertEquals(1, browse(queue).size());
        Cli.Result both = run("dlq list", "--dlq", custom, "--queue", queue);
        assertEquals(JournalMq.EXIT_USAGE, both.exitCode(), both::toString);
        assertEquals(1, browse(queue).size(), "nothing changed by the usage error");
        assertEquals(0, browse(custom).size());
        assertEquals(2, browse(target).size());
        assertEquals(0, browse("DLQ." + queue).size());
    }

    @Test
    @DisplayName("dlq replay with a bad selector: exit 2, the dead-letter queue unchanged")
    void dlqReplayWithBadSelectorChangesNothing() throws Exception {
        deadLetter(queue, "d0", 0);
        Cli.Result r = run("dlq replay", "--queue", queue, "--selector", "n >>> 1");
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("journalmq dlq replay: "), r::toString);
        assertEquals(1, browse("DLQ." + queue).size());
        assertEquals(0, browse(queue).size());
    }

    @Test
    @DisplayName("dlq replay --topic: a subscription's dead letter goes back to that durable subscription only (spec 6.11)")
    void dlqReplayOfASubscriptionsDeadLetter() throws Exception {
        String topic = queue + "-topic";
        connection.close();
        JournalConnectionFactory f = factory();
        f.setClientID("ops-" + queue);
        connection = f.createConnection();
        connection.start();
        session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        jakarta.jms.Topic t = session.createTopic(topic);
        MessageConsumer audit = session.createDurableConsumer(t, "audit");
        MessageConsumer billing = session.createDurableConsumer(t, "billing");
        send(DeadLetters.deadLetterQueueFor(topic), "failed audit", 4, 0, Map.of(
                DeadLetters.ORIGINAL_DESTINATION, topic, DeadLetters.ORIGINAL_SUBSCRIPTION, "audit",
                DeadLetters.DELIVERY_ATTEMPTS, 5, DeadLetters.DEAD_LETTER_REASON, "rollback"));
        send(DeadLetters.deadLetterQueueFor(topic), "failed gone", 4, 0, Map.of(
                DeadLetters.ORIGINAL_DESTINATION, topic, DeadLetters.ORIGINAL_SUBSCRIPTION, "gone",
                DeadLetters.DELIVERY_ATTEMPTS, 5, DeadLetters.DEAD_LETTER_REASON, "rollback"));

        try (MessageProducer p = session.createProducer(t)) {
            p.send(session.createTextMessage("published"));
        }
        Cli.Result browsed = ok("browse", "--topic", topic, "--subscription", "audit", "-v");
        assertTrue(browsed.out().contains("body: published"), browsed::toString);
        assertTrue(browsed.out().contains("JMSDestination: topic://" + topic), browsed::toString);
        assertTrue(browsed.err().contains("1 message(s) shown"), browsed::toString);
        Cli.Result none = ok("browse", "--topic", topic, "--subscription", "audit", "--selector", "JMSPriority > 8");
        assertEquals("", none.out(), none::toString);
        Cli.Result unknownSub = run("browse", "--topic", topic, "--subscription", "nope");
        assertEquals(JournalMq.EXIT_USAGE, unknownSub.exitCode(), unknownSub::toString);
        assertEquals("published", ((TextMessage) audit.receive(10_000)).getText());
        assertEquals("published", ((TextMessage) billing.receive(10_000)).getText());

        Cli.Result listed = ok("dlq list", "--topic", topic);
        assertEquals(2, listed.outLines().size(), listed::toString);
        assertTrue(listed.outLines().get(0).contains("from=" + topic + "/audit"), listed::toString);

        Cli.Result r = ok("dlq replay", "--topic", topic, "--selector",
                DeadLetters.ORIGINAL_SUBSCRIPTION + " = 'audit'");
        assertTrue(r.out().startsWith("replayed 1 message(s) from DLQ." + topic), r::toString);
        Message back = audit.receive(10_000);
        assertEquals("failed audit", ((TextMessage) back).getText());
        assertEquals(topic, ((jakarta.jms.Topic) back.getJMSDestination()).getTopicName());
        assertNull(billing.receiveNoWait(), "the other subscription gets no copy");

        Cli.Result gone = run("dlq replay", "--topic", topic);
        assertEquals(JournalMq.EXIT_USAGE, gone.exitCode(), gone::toString);
        assertTrue(gone.err().contains("subscription 'gone'"), gone::toString);
        assertEquals(1, browse(DeadLetters.deadLetterQueueFor(topic)).size(), "the failed batch stays");
        audit.close();
        billing.close();
        session.unsubscribe("audit");
        session.unsubscribe("billing");
    }

    @Test
    @DisplayName("dlq replay of a message whose origin is its own dead-letter queue: exit 2, nothing moved")
    void dlqReplayOntoItselfIsRefused() throws Exception {
        String dlq = DeadLetters.deadLetterQueueFor(queue);
        send(dlq, "loop", 4, 0, Map.of(DeadLetters.ORIGINAL_DESTINATION, dlq));
        Cli.Result r = run("dlq replay", "--queue", queue);
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("would move onto its own queue"), r::toString);
        assertEquals(1, browse(dlq).size());
    }

    @Test
    @DisplayName("dlq replay: two replays racing move every message exactly once")
    void racingReplaysMoveEachMessageOnce() throws Exception {
        int n = 120;
        for (int i = 0; i < n; i++) {
            deadLetter(queue, "d" + i, i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Cli.Result> replay = () -> {
            start.await();
            return Cli.run("dlq replay", journal(), "--queue", queue, "--json");
        };
        try {
            Future<Cli.Result> a = pool.submit(replay);
            Future<Cli.Result> b = pool.submit(replay);
            start.countDown();
            Cli.Result ra = a.get(120, TimeUnit.SECONDS);
            Cli.Result rb = b.get(120, TimeUnit.SECONDS);
            assertEquals(0, ra.exitCode(), ra::toString);
            assertEquals(0, rb.exitCode(), rb::toString);
            long moved = (Long) JsonReader.object(ra.out()).get("replayed")
                    + (Long) JsonReader.object(rb.out()).get("replayed");
            assertEquals(n, moved, () -> "A: " + ra + "\nB: " + rb);
        } finally {
            pool.shutdownNow();
        }
        List<Message> back = browse(queue);
        Set<String> bodies = new HashSet<>();
        for (Message m : back) {
            bodies.add(((TextMessage) m).getText());
        }
        assertEquals(n, back.size(), "no message twice");
        assertEquals(n, bodies.size(), "every message once");
        assertEquals(0, browse("DLQ." + queue).size());
    }

    // ---------------------------------------------------------------- purge

    @Test
    @DisplayName("purge: asks y/N on stdin; N keeps everything, y deletes, --yes does not ask")
    void purgeAsksForConfirmation() throws Exception {
        send(queue, "a", 4, 0, Map.of());
        send(queue, "b", 4, 0, Map.of());
        Cli.Result refused = withStdin("n\n", () -> run("purge", "--queue", queue));
        assertEquals(JournalMq.EXIT_ERROR, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("Delete all 2 message(s) of queue " + queue + "? [y/N]"), refused::toString);
        assertTrue(refused.err().contains("nothing deleted"), refused::toString);
        assertEquals(2, browse(queue).size());

        Cli.Result eof = withStdin("", () -> run("purge", "--queue", queue));
        assertEquals(JournalMq.EXIT_ERROR, eof.exitCode(), "end of input refuses: " + eof);
        assertEquals(2, browse(queue).size());

        Cli.Result confirmed = withStdin("y\n", () -> run("purge", "--queue", queue));
        assertEquals(0, confirmed.exitCode(), confirmed::toString);
        assertEquals(List.of("purged 2 message(s) of queue " + queue), confirmed.outLines());
        assertEquals(0, browse(queue).size());

        send(queue, "c", 4, 0, Map.of());
        Cli.Result yes = ok("purge", "--queue", queue, "--yes", "--json");
        assertEquals(1L, JsonReader.object(yes.out()).get("purged"));
        assertFalse(yes.err().contains("[y/N]"), yes::toString);
    }

    @Test
    @DisplayName("purge of an unknown queue: exit 2, no question asked")
    void purgeOfUnknownQueueIsAUsageError() {
        Cli.Result r = run("purge", "--queue", queue, "--yes");
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("unknown queue '" + queue + "'"), r::toString);
    }

    static Cli.Result withStdin(String input, Callable<Cli.Result> command) throws Exception {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return command.call();
        } finally {
            System.setIn(saved);
        }
    }

    // ---------------------------------------------------------------- move

    @Test
    @DisplayName("move --selector --limit: the selected messages to another queue in batches, properties kept")
    void moveTakesTheSelectedMessages() throws Exception {
        for (int i = 0; i < 25; i++) {
            send(queue, "m" + i, 4, 0, Map.of("n", i, "even", i % 2 == 0));
        }
        String target = queue + "-moved";
        Cli.Result r = ok("move", "--from", queue, "--to", target, "--selector", "even = TRUE", "--limit", "10",
                "--batch", "3");
        assertEquals(List.of("moved 10 message(s) from " + queue + " to " + target), r.outLines());
        List<Message> moved = browse(target);
        assertEquals(10, moved.size());
        List<Integer> ns = new ArrayList<>();
        for (Message m : moved) {
            assertTrue(m.getBooleanProperty("even"));
            ns.add(m.getIntProperty("n"));
        }
        Collections.sort(ns);
        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14, 16, 18), ns);
        assertEquals(15, browse(queue).size());

        Cli.Result rest = ok("move", "--queue", queue, "--to", target, "--json");
        assertEquals(15L, JsonReader.object(rest.out()).get("moved"));
        assertEquals(25, browse(target).size());
    }

    @Test
    @DisplayName("move from an unknown queue or with a bad selector: exit 2, nothing moved")
    void moveBadInputChangesNothing() throws Exception {
        Cli.Result unknown = run("move", "--from", queue, "--to", queue + "-x");
        assertEquals(JournalMq.EXIT_USAGE, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("unknown queue '" + queue + "'"), unknown::toString);

        send(queue, "stays", 4, 0, Map.of());
        Cli.Result bad = run("move", "--from", queue, "--to", queue + "-x", "--selector", "LIKE LIKE");
        assertEquals(JournalMq.EXIT_USAGE, bad.exitCode(), bad::toString);
        assertEquals(1, browse(queue).size());
        assertEquals(0, browse(queue + "-x").size());
    }
}
