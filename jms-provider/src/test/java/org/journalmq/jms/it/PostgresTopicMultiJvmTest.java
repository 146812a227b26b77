package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.journalmq.jms.it.child.SubscriberMain;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Topic subscriptions shared by several real JVMs on PostgreSQL (spec 6.11.4 shared durable
 * subscriptions, 6.11.3 durable subscriptions surviving a crash, 6.11.1 non-durable subscriptions
 * ending with their JVM, 6.1.2 client IDs unique across JVMs). Children are killed with SIGKILL.
 */
class PostgresTopicMultiJvmTest extends JmsTestBase {

    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }

    private List<String> args(String topic, Path record, String mode, String clientId, String sub, String... more) {
        List<String> a = new ArrayList<>(journal.childArgs());
        a.add(Long.toString(leaseMillis()));
        a.add(topic);
        a.add(record.toString());
        a.add(mode);
        a.add(clientId);
        a.add(sub);
        a.addAll(List.of(more));
        return a;
    }

    private void publish(String topic, int from, int to) throws Exception {
        Connection c = connect();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer p = tx.createProducer(tx.createTopic(topic));
        for (int i = from; i < to; i++) {
            Message m = tx.createTextMessage("m" + i);
            m.setIntProperty("n", i);
            p.send(m);
            if (i % 100 == 99) {
                tx.commit();
            }
        }
        tx.commit();
        c.close();
    }

    private long count(String sql) throws Exception {
        try (var c = DriverManager.getConnection(journal.url(), journal.user(), null);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.replace("$", journal.prefix()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** 6.11.4: three JVMs on one shared durable subscription get disjoint shares, together every message once. */
    @Test
    void threeJvmsShareADurableSubscriptionExactlyOnce() throws Exception {
        String topic = uniqueQueue("shared-3");
        int total = 3_000;
        List<ChildJvm> children = new ArrayList<>();
        List<Path> records = new ArrayList<>();
        try {
            for (int k = 0; k < 3; k++) {
                Path record = dir.resolve("s" + k + ".txt");
                records.add(record);
                children.add(ChildJvm.start(SubscriberMain.class, dir.resolve("s" + k + ".log"),
                        args(topic, record, "shared", "-", "workers", "0", "3000")));
            }
            for (Path record : records) {
                await("every child to join the subscription", 120_000,
                        () -> AbstractCrashSafetyTest.safeLines(record).contains("READY"));
            }
            publish(topic, 0, total);
            for (ChildJvm child : children) {
                assertEquals(0, child.awaitExit(240_000), child.output());
            }
        } finally {
            children.forEach(ChildJvm::close);
        }
        Set<Integer> all = new HashSet<>();
        for (Path record : records) {
            int mine = 0;
            for (String l : AbstractCrashSafetyTest.lines(record)) {
                if (l.equals("READY")) {
                    continue;
                }
                String[] f = l.split(" ");
                assertTrue(all.add(Integer.parseInt(f[0])), "delivered twice: " + l);
                assertEquals("false", f[1], "nothing failed, so nothing is redelivered: " + l);
                mine++;
            }
            assertTrue(mine > 0, "every JVM gets a share: " + record);
        }
        assertEquals(total, all.size());
    }

    /**
     * 6.11.3: a durable subscriber killed with kill -9 and restarted receives everything published
     * while it was down, and the messages it held unacknowledged come back with JMSRedelivered.
     */
    @Test
    void killedDurableSubscriberGetsEverythingAfterRestart() throws Exception {
        String topic = uniqueQueue("durable-kill");
        String clientId = uniqueQueue("client");
        Connection setup = connect();
        setup.setClientID(clientId);
        Session s = setup.createSession(false, Session.AUTO_ACKNOWLEDGE);
        s.createDurableConsumer(s.createTopic(topic), "audit").close();
        setup.close(); // frees the client ID for the child
        publish(topic, 0, 10);
        Path heldRecord = dir.resolve("held.txt");
        Set<Integer> held = new HashSet<>();
        try (ChildJvm holder = ChildJvm.start(SubscriberMain.class, dir.resolve("holder.log"),
                args(topic, heldRecord, "hold", clientId, "audit", "5"))) {
            await("the subscriber to hold 5 messages", 120_000,
                    () -> AbstractCrashSafetyTest.safeLines(heldRecord).contains("HOLDING"));
            holder.kill();
        }
        for (String l : AbstractCrashSafetyTest.lines(heldRecord)) {
            if (!l.equals("HOLDING")) {
                held.add(Integer.parseInt(l.split(" ")[0]));
            }
        }
        assertEquals(5, held.size());
        publish(topic, 10, 30); // while the subscriber is down
        Path record = dir.resolve("restarted.txt");
        try (ChildJvm restarted = ChildJvm.start(SubscriberMain.class, dir.resolve("restarted.log"),
                args(topic, record, "drain", clientId, "audit", "0", Long.toString(leaseMillis() * 5)))) {
            assertEquals(0, restarted.awaitExit(180_000), restarted.output());
        }
        Map<Integer, String> got = new HashMap<>();
        for (String l : AbstractCrashSafetyTest.lines(record)) {
            int n = Integer.parseInt(l.split(" ")[0]);
            assertFalse(got.containsKey(n), "delivered twice: " + l);
            got.put(n, l);
            assertEquals(Boolean.toString(held.contains(n)), l.split(" ")[1], "redelivered flag of " + l);
        }
        assertEquals(30, got.size(), "every message published to the subscription arrives");
    }

    /**
     * 6.11.1: a non-durable subscription lives with its consumer; when the consumer's JVM dies the
     * journal's maintenance removes it, and it stops accumulating messages.
     */
    @Test
    void deadJvmsNonDurableSubscriptionStopsAccumulating() throws Exception {
        String topic = uniqueQueue("nd-kill");
        Path record = dir.resolve("nd.txt");
        String mine = "SELECT COUNT(*) FROM $DELIVERY WHERE destination LIKE 'N:%'";
        try (ChildJvm child = ChildJvm.start(SubscriberMain.class, dir.resolve("nd.log"),
                args(topic, record, "nondurable", "-", "-"))) {
            await("the subscriber to start", 120_000,
                    () -> AbstractCrashSafetyTest.safeLines(record).contains("READY"));
            connect(); // keeps a journal (and its maintenance) running in this JVM
            publish(topic, 0, 5);
            assertEquals(5, count(mine), "the live subscription accumulates");
            child.kill();
        }
        long killedAt = System.currentTimeMillis();
        await("the dead JVM's subscription to be removed", 10 * leaseMillis(), () -> {
            try {
                return count("SELECT COUNT(*) FROM $SUBSCRIPTION WHERE address LIKE 'N:%'") == 0;
            } catch (Exception e) {
                return false;
            }
        });
        long removedAfter = System.currentTimeMillis() - killedAt;
        System.out.println("non-durable subscription of the killed JVM removed after " + removedAfter
                + " ms (lease " + leaseMillis() + " ms)");
        assertEquals(0, count(mine), "its messages went with it");
        publish(topic, 5, 10);
        assertEquals(0, count(mine), "nothing accumulates any more");
        assertTrue(removedAfter <= 2 * leaseMillis() + 1_000, "removed within about a lease: " + removedAfter);
    }

    /** 6.1.2: a client ID held by a connection in another JVM is refused with InvalidClientIDException. */
    @Test
    void clientIdIsUniqueAcrossJvms() throws Exception {
        String clientId = uniqueQueue("cid");
        Path record = dir.resolve("cid.txt");
        try (ChildJvm child = ChildJvm.start(SubscriberMain.class, dir.resolve("cid.log"),
                args("unused", record, "clientid", clientId, "-"))) {
            await("the child to take the client ID", 120_000,
                    () -> AbstractCrashSafetyTest.safeLines(record).contains("READY"));
            Connection c = connect();
            assertThrows(InvalidClientIDException.class, () -> c.setClientID(clientId));
            child.kill();
        }
        Connection later = connect();
        await("the dead JVM's client ID to be free", 10 * leaseMillis(), () -> {
            try {
                later.setClientID(clientId);
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }
}
