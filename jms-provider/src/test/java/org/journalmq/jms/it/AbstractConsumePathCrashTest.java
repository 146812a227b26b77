package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.journalmq.jms.it.child.ConsumePathMain;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumer JVMs killed with kill -9 while they consume with MessageListeners in
 * AUTO_ACKNOWLEDGE (several sessions), CLIENT_ACKNOWLEDGE (acknowledge every k) and transacted
 * (commit every k) sessions with a prefetch above one, while messages are being sent. The
 * children record what they hand to the application before the ack (see {@link ConsumePathMain});
 * after the kills a verifying consumer drains the queue and the records are checked against
 * Jakarta Messaging 3.1:
 * <ul>
 *   <li>nothing sent is lost (§6.2.11: a message is delivered once or, after a failure, again);</li>
 *   <li>§6.2.10 AUTO_ACKNOWLEDGE / §6.2.11: of a killed AUTO session's messages only the last it
 *       consumed may be delivered again; a closed AUTO session's messages never come back;</li>
 *   <li>§6.2.10 CLIENT_ACKNOWLEDGE and §6.2.8 transactions: nothing acknowledged (acknowledge()
 *       returned) or committed (commit() returned) is delivered again;</li>
 *   <li>§3.4.7 JMSRedelivered and §3.5.11 JMSXDeliveryCount: a redelivered message says so with a
 *       count of 2 or more, a first delivery has count 1, every delivery of a message shows a
 *       different count, and no count exceeds 1 + the JVMs that could have claimed it (a message
 *       only prefetched by a killed JVM counts as claimed by it).</li>
 * </ul>
 * On PostgreSQL three consumer JVMs share the journal while the test JVM sends. An embedded
 * HSQLDB file journal is opened by one JVM at a time, so there each child sends to itself (its
 * waiting listeners may get the sends handed over in memory) and the children run one after
 * the other, each waiting for its killed predecessor's file lock.
 */
public abstract class AbstractConsumePathCrashTest extends JmsTestBase {

    /** Sessions of every child: two AUTO, one CLIENT (ack every 7), one transacted (commit every 5). */
    static final String SESSIONS = "auto,auto,client:7,tx:5";
    static final String[] MODES = SESSIONS.split(",");
    static final int PREFETCH = 8;
    static final int TOTAL = 2_000;

    /** One delivery seen by an application: a child session's R line or the verifier's receive. */
    record Seen(String who, int n, boolean redelivered, int count) {
    }

    /** Everything recorded, and which deliveries are final (acknowledged or committed). */
    static final class Observations {
        final List<Seen> all = new ArrayList<>();
        /** Deliveries after which the message must never be delivered again. */
        final List<Seen> fin = new ArrayList<>();
        final Set<Integer> sent = new TreeSet<>();
        final List<String> errors = new ArrayList<>();
    }

    @Test
    void oneConsumerJvmKilledAtARandomMoment() throws Exception {
        run(1);
    }

    @Test
    void twoConsumerJvmsKilledOneAfterTheOther() throws Exception {
        run(2);
    }

    private void run(int kills) throws Exception {
        String queue = uniqueQueue("consume-crash");
        Observations o = new Observations();
        int children;
        if (journal.kind() != TestJournal.Kind.HSQLDB) { // a database server several JVMs share
            children = sharedJournal(queue, kills, o);
        } else {
            children = oneJvmAtATime(queue, kills, o);
        }
        drainAndVerify(queue, children, o);
    }

    private ChildJvm startChild(String queue, Path record, Path stop, String name, int sendCount, int sendFrom)
            throws Exception {
        return ChildJvm.start(ConsumePathMain.class, dir.resolve(name + ".log"), childArgs(queue, record,
                Integer.toString(PREFETCH), SESSIONS, Integer.toString(sendCount), Integer.toString(sendFrom),
                stop.toString()));
    }

    private static long received(Path record) {
        return AbstractCrashSafetyTest.safeLines(record).stream().filter(l -> l.startsWith("R ")).count();
    }

    /** A shared database server (PostgreSQL, MariaDB): three consumer JVMs, this JVM sends; {@code kills} of them are killed, the others close. */
    private int sharedJournal(String queue, int kills, Observations o) throws Exception {
        int n = 3;
        List<ChildJvm> jvms = new ArrayList<>();
        List<Path> records = new ArrayList<>();
        List<Path> stops = new ArrayList<>();
        try {
            for (int k = 0; k < n; k++) {
                records.add(dir.resolve("child-" + k + ".txt"));
                stops.add(dir.resolve("stop-" + k));
                jvms.add(startChild(queue, records.get(k), stops.get(k), "child-" + k, 0, 0));
            }
            for (int k = 0; k < n; k++) {
                Path r = records.get(k);
                ChildJvm j = jvms.get(k);
                await("child " + k + " ready", 60_000,
                        () -> AbstractCrashSafetyTest.safeLines(r).contains("READY") || !j.isAlive());
                assertTrue(j.isAlive(), j.output());
            }
            Connection c = connect();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(queue));
            Set<Integer> sent = java.util.Collections.synchronizedSet(new TreeSet<>());
            AtomicReference<Throwable> sendFailure = new AtomicReference<>();
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < TOTAL; i++) {
                        Message m = s.createTextMessage("payload " + i);
                        m.setIntProperty("n", i);
                        p.send(m);
                        sent.add(i);
                    }
                } catch (Throwable e) {
                    sendFailure.set(e);
                }
            }, "test-sender");
            sender.start();

            List<Integer> alive = new ArrayList<>(List.of(0, 1, 2));
            java.util.Collections.shuffle(alive);
            List<Integer> killed = new ArrayList<>();
            for (int i = 0; i < kills; i++) {
                int victim = alive.remove(0);
                Path r = records.get(victim);
                long threshold = received(r) + 20 + ThreadLocalRandom.current().nextInt(230);
                await("child " + victim + " to consume " + threshold + " messages", 120_000,
                        () -> received(r) >= threshold || !sender.isAlive());
                jvms.get(victim).kill();
                killed.add(victim);
            }
            sender.join(180_000);
            assertNull(sendFailure.get(), () -> "send failed: " + sendFailure.get());
            assertEquals(TOTAL, sent.size());
            o.sent.addAll(sent);

            // let the survivors take what they can (a killed JVM's messages come back after its lease)
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && seenByChildren(records) < TOTAL) {
                Thread.sleep(50);
            }
            for (int k : alive) {
                Files.createFile(stops.get(k));
            }
            for (int k : alive) {
                assertEquals(0, jvms.get(k).awaitExit(60_000), jvms.get(k).output());
                assertTrue(AbstractCrashSafetyTest.lines(records.get(k)).contains("CLOSED"));
            }
            for (int k = 0; k < n; k++) {
                parse(records.get(k), "child-" + k, killed.contains(k), o);
                assertTrue(received(records.get(k)) > 0 || !killed.contains(k),
                        "killed child " + k + " consumed nothing: the kill tested nothing");
            }
        } finally {
            jvms.forEach(ChildJvm::close);
        }
        return n;
    }

    private static int seenByChildren(List<Path> records) {
        Set<Integer> seen = new HashSet<>();
        for (Path r : records) {
            for (String l : AbstractCrashSafetyTest.safeLines(r)) {
                if (l.startsWith("R ")) {
                    seen.add(Integer.parseInt(l.split(" ")[2]));
                }
            }
        }
        return seen.size();
    }

    /**
     * Embedded HSQLDB: {@code kills} children one after the other, each sending its share to
     * itself while its listeners consume, killed at a random moment.
     */
    private int oneJvmAtATime(String queue, int kills, Observations o) throws Exception {
        int share = TOTAL / kills;
        for (int k = 0; k < kills; k++) {
            Path record = dir.resolve("child-" + k + ".txt");
            Path stop = dir.resolve("stop-" + k);
            try (ChildJvm j = startChild(queue, record, stop, "child-" + k, share, k * share)) {
                long threshold = 20 + ThreadLocalRandom.current().nextInt(share / 2);
                await("child " + k + " to consume " + threshold + " messages", 120_000,
                        () -> received(record) >= threshold || !j.isAlive());
                assertTrue(j.isAlive(), j.output());
                j.kill();
            }
            parse(record, "child-" + k, true, o);
        }
        return kills;
    }

    /** Reads a child's record into the observations. */
    private static void parse(Path record, String child, boolean killed, Observations o) throws Exception {
        Map<Integer, List<Seen>> pending = new HashMap<>();
        for (String l : AbstractCrashSafetyTest.lines(record)) {
            String[] f = l.split(" ");
            switch (f[0]) {
                case "R" -> {
                    int sid = Integer.parseInt(f[1]);
                    Seen seen = new Seen(child + "/" + sid + "(" + MODES[sid] + ")", Integer.parseInt(f[2]),
                            Boolean.parseBoolean(f[3]), Integer.parseInt(f[4]));
                    o.all.add(seen);
                    if (MODES[sid].equals("auto")) {
                        // the previous AUTO delivery was acknowledged before this one was handed over
                        List<Seen> prev = pending.put(sid, new ArrayList<>(List.of(seen)));
                        if (prev != null) {
                            o.fin.addAll(prev);
                        }
                    } else {
                        pending.computeIfAbsent(sid, x -> new ArrayList<>()).add(seen);
                    }
                }
                case "A", "C" -> {
                    List<Seen> done = pending.remove(Integer.parseInt(f[1]));
                    if (done != null) {
                        o.fin.addAll(done);
                    }
                }
                case "S" -> o.sent.add(Integer.parseInt(f[1]));
                case "E" -> o.errors.add(child + ": " + l);
                default -> { // READY, CLOSED
                }
            }
        }
        if (!killed) {
            // a closed AUTO session acknowledged its last message when onMessage returned
            for (int sid = 0; sid < MODES.length; sid++) {
                if (MODES[sid].equals("auto") && pending.containsKey(sid)) {
                    o.fin.addAll(pending.get(sid));
                }
            }
        }
    }

    private void drainAndVerify(String queue, int children, Observations o) throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
        for (Message m : Drain.all(factory, consumer, queue, 60_000)) {
            Seen seen = new Seen("verifier", m.getIntProperty("n"), m.getJMSRedelivered(),
                    m.getIntProperty("JMSXDeliveryCount"));
            o.all.add(seen);
            o.fin.add(seen);
        }
        assertEquals(List.of(), o.errors, "listeners failed in the children");

        Map<Integer, List<Seen>> byMessage = new HashMap<>();
        for (Seen seen : o.all) {
            byMessage.computeIfAbsent(seen.n(), x -> new ArrayList<>()).add(seen);
        }
        Set<Integer> lost = new TreeSet<>(o.sent);
        lost.removeAll(byMessage.keySet());
        assertEquals(Set.of(), lost, "sends that returned but no application ever received");

        List<String> problems = new ArrayList<>();
        for (Seen seen : o.all) {
            if (seen.redelivered() && seen.count() < 2) {
                problems.add("redelivered with JMSXDeliveryCount < 2: " + seen);
            }
            if (!seen.redelivered() && seen.count() != 1) {
                problems.add("not redelivered but JMSXDeliveryCount != 1: " + seen);
            }
            if (seen.count() > 1 + children) {
                problems.add("JMSXDeliveryCount above 1 + " + children + " JVMs that could claim it: " + seen);
            }
        }
        for (List<Seen> deliveries : byMessage.values()) {
            Set<Integer> counts = new HashSet<>();
            for (Seen d : deliveries) {
                if (!counts.add(d.count())) {
                    problems.add("two deliveries with the same JMSXDeliveryCount: " + deliveries);
                }
            }
        }
        for (Seen f : o.fin) {
            for (Seen later : byMessage.get(f.n())) {
                if (later != f && later.count() > f.count()) {
                    problems.add("delivered again after it was acknowledged/committed: " + f + " then " + later);
                }
            }
        }
        assertEquals(List.of(), problems, "deliveries against Jakarta Messaging 3.1 §3.4.7, §3.5.11, §6.2.10, "
                + "§6.2.11 (" + o.all.size() + " deliveries of " + byMessage.size() + " messages)");
        int redelivered = (int) o.all.stream().filter(Seen::redelivered).count();
        System.out.println(getClass().getSimpleName() + ": " + o.sent.size() + " sent, " + o.all.size()
                + " deliveries, " + redelivered + " redelivered, " + o.fin.size() + " final");
    }
}
