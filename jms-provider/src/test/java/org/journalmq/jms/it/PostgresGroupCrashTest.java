package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.journalmq.jms.it.child.GroupConsumerMain;
import org.journalmq.jms.it.child.GroupListeners;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 on PostgreSQL: three consumer JVMs ({@link GroupConsumerMain}: two AUTO_ACKNOWLEDGE
 * sessions, one CLIENT_ACKNOWLEDGE acknowledging every 5, one transacted committing every 4, prefetch
 * 8) share a queue of 200 message groups while this JVM sends 20,000 messages; one consumer JVM,
 * picked at random, is killed with kill -9 at a random moment. Afterwards {@link GroupHistory}
 * checks the records of all three and of a final drain:
 * <ul>
 *   <li>consumer B never got message k+1 of a group while consumer A held message k of it
 *       unacknowledged (nor any two messages of one group at once);</li>
 *   <li>within each group the messages arrived in send order;</li>
 *   <li>each arrived exactly once, or again flagged JMSRedelivered with a higher JMSXDeliveryCount
 *       (Jakarta Messaging 3.1 §3.4.7, §3.5.11), and nothing came again after its ack committed.</li>
 * </ul>
 */
class PostgresGroupCrashTest extends JmsTestBase {
    static final int GROUPS = 200;
    static final int TOTAL = 20_000;
    static final String SESSIONS = "auto,auto,client:5,tx:4";

    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }

    /**
     * Longer than the base's 2 s: on this shared 2-core machine (load average above 15) a child's
     * lease renewal was once starved for more than 2 s, its leases were taken over while it still
     * delivered them (JMQ4020), and the test failed on that instead of on message groups. A killed
     * child's rows come back after this.
     */
    @Override
    protected long leaseMillis() {
        return 10_000;
    }

    @Test
    void threeConsumerJvmsOneKilledKeepEveryGroupWithOneConsumerInOrder() throws Exception {
        String queue = uniqueQueue("group-crash");
        int jvms = 3;
        List<ChildJvm> children = new ArrayList<>();
        List<Path> records = new ArrayList<>();
        List<Path> stops = new ArrayList<>();
        GroupHistory h = new GroupHistory(GROUPS);
        int killed;
        Set<Integer> sent = java.util.Collections.synchronizedSet(new TreeSet<>());
        try {
            for (int k = 0; k < jvms; k++) {
                records.add(dir.resolve("child-" + k + ".txt"));
                stops.add(dir.resolve("stop-" + k));
                children.add(ChildJvm.start(GroupConsumerMain.class, dir.resolve("child-" + k + ".log"),
                        childArgs(queue, records.get(k), "8", SESSIONS, stops.get(k).toString())));
            }
            for (int k = 0; k < jvms; k++) {
                Path r = records.get(k);
                ChildJvm j = children.get(k);
                await("child " + k + " ready", 60_000,
                        () -> AbstractCrashSafetyTest.safeLines(r).contains("READY") || !j.isAlive());
                assertTrue(j.isAlive(), j.output());
            }

            AtomicReference<Throwable> sendFailure = new AtomicReference<>();
            Thread sender = new Thread(() -> send(queue, sent, sendFailure), "test-sender");
            sender.start();

            int victim = ThreadLocalRandom.current().nextInt(jvms);
            killed = victim;
            Path victimRecord = records.get(victim);
            long threshold = 200 + ThreadLocalRandom.current().nextInt(2_800);
            await("child " + victim + " to consume " + threshold + " messages", 180_000,
                    () -> AbstractMessageGroupTest.received(List.of(victimRecord)) >= threshold
                            || !sender.isAlive());
            children.get(victim).kill();
            long killedAt = GroupListeners.micros();

            sender.join(300_000);
            assertEquals(null, sendFailure.get(), () -> "send failed: " + sendFailure.get());
            assertEquals(TOTAL, sent.size());
            await("the survivors receive every message", 300_000,
                    () -> AbstractMessageGroupTest.received(records) == TOTAL);
            for (int k = 0; k < jvms; k++) {
                if (k != victim) {
                    Files.createFile(stops.get(k));
                }
            }
            for (int k = 0; k < jvms; k++) {
                if (k != victim) {
                    assertEquals(0, children.get(k).awaitExit(60_000), children.get(k).output());
                }
                h.read(records.get(k), "child-" + k, SESSIONS.split(","), k == victim ? killedAt : 0);
            }
            assertTrue(AbstractMessageGroupTest.received(List.of(victimRecord)) > 0,
                    "the killed child consumed nothing: the kill tested nothing");
        } finally {
            children.forEach(ChildJvm::close);
        }

        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer rest = s.createConsumer(s.createQueue(queue));
        for (Message m : Drain.all(factory, rest, queue, 60_000)) {
            h.received("verifier", m.getIntProperty("n"), m.getJMSRedelivered(), m.getIntProperty("JMSXDeliveryCount"),
                    GroupListeners.micros());
        }
        List<String> problems = h.problems(sent);
        assertEquals(List.of(), problems.size() > 20 ? problems.subList(0, 20) : problems,
                "message groups across JVMs (issue 16), " + problems.size() + " problems in " + h.all.size()
                        + " deliveries");
        long redelivered = h.all.stream().filter(d -> d.redelivered).count();
        System.out.println("PostgresGroupCrashTest: killed child-" + killed + "; " + TOTAL + " sent in " + GROUPS
                + " groups, " + h.all.size() + " deliveries, " + redelivered + " redelivered");
    }

    /** One producer, so that send order within each group is defined: transactions of 100 sends. */
    private void send(String queue, Set<Integer> sent, AtomicReference<Throwable> failure) {
        try {
            Connection c = connect();
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = tx.createProducer(tx.createQueue(queue));
            List<Integer> batch = new ArrayList<>();
            for (int n = 0; n < TOTAL; n++) {
                Message m = tx.createTextMessage("payload " + n);
                m.setIntProperty("n", n);
                m.setStringProperty("JMSXGroupID", "group-" + n % GROUPS);
                m.setIntProperty("JMSXGroupSeq", n / GROUPS + 1);
                p.send(m);
                batch.add(n);
                if (batch.size() == 100) {
                    tx.commit();
                    sent.addAll(batch);
                    batch.clear();
                }
            }
            tx.commit();
            sent.addAll(batch);
        } catch (Throwable e) {
            failure.set(e);
        }
    }
}
