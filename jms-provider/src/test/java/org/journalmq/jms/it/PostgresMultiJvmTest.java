package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.journalmq.jms.it.child.ConsumerMain;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several JVMs share one PostgreSQL queue (spec 4.2: a queue message goes to one consumer; the
 * journal's leases hand a dead JVM's messages to the others).
 */
class PostgresMultiJvmTest extends JmsTestBase {

    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }

    private void send(String queue, int count) throws Exception {
        Connection c = connect();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer p = tx.createProducer(tx.createQueue(queue));
        for (int i = 0; i < count; i++) {
            Message m = tx.createTextMessage("m" + i);
            m.setIntProperty("n", i);
            p.send(m);
            if (i % 100 == 99) {
                tx.commit();
            }
        }
        tx.commit();
    }

    @Test
    void threeJvmsCompetingReceiveEveryMessageExactlyOnce() throws Exception {
        String queue = uniqueQueue("three-jvms");
        int total = 3_000;
        send(queue, total);
        List<ChildJvm> children = new ArrayList<>();
        List<Path> records = new ArrayList<>();
        try {
            for (int k = 0; k < 3; k++) {
                Path record = dir.resolve("c" + k + ".txt");
                records.add(record);
                children.add(ChildJvm.start(ConsumerMain.class, dir.resolve("c" + k + ".log"),
                        childArgs(queue, record, "drain", "0", "3000")));
            }
            for (ChildJvm child : children) {
                assertEquals(0, child.awaitExit(180_000), child.output());
            }
        } finally {
            children.forEach(ChildJvm::close);
        }
        Set<Integer> all = new HashSet<>();
        int deliveries = 0;
        for (Path record : records) {
            for (String l : AbstractCrashSafetyTest.lines(record)) {
                String[] f = l.split(" ");
                assertTrue(all.add(Integer.parseInt(f[0])), "delivered twice: " + l);
                assertEquals("false", f[1], "no failure happened, so nothing is redelivered: " + l);
                deliveries++;
            }
        }
        assertEquals(total, all.size());
        assertEquals(total, deliveries);
    }

    @Test
    void aKilledJvmsLeasedMessagesGoToTheOthersAfterTheLease() throws Exception {
        String queue = uniqueQueue("lease-takeover");
        send(queue, 20);
        Path heldRecord = dir.resolve("held.txt");
        Path otherRecord = dir.resolve("other.txt");
        Set<Integer> held = new HashSet<>();
        try (ChildJvm holder = ChildJvm.start(ConsumerMain.class, dir.resolve("holder.log"),
                childArgs(queue, heldRecord, "hold", "5"))) {
            await("the holder to take 5 messages", 120_000,
                    () -> AbstractCrashSafetyTest.safeLines(heldRecord).contains("HOLDING"));
            for (String l : AbstractCrashSafetyTest.lines(heldRecord)) {
                if (!l.equals("HOLDING")) {
                    held.add(Integer.parseInt(l.split(" ")[0]));
                }
            }
            try (ChildJvm other = ChildJvm.start(ConsumerMain.class, dir.resolve("other.log"),
                    childArgs(queue, otherRecord, "drain", "0", Long.toString(leaseMillis() * 5)))) {
                holder.kill();
                assertEquals(0, other.awaitExit(180_000), other.output());
            }
        }
        Set<Integer> got = new HashSet<>();
        for (String l : AbstractCrashSafetyTest.lines(otherRecord)) {
            String[] f = l.split(" ");
            int n = Integer.parseInt(f[0]);
            assertTrue(got.add(n), "delivered twice: " + l);
            assertEquals(Boolean.toString(held.contains(n)), f[1], "redelivered flag of " + l);
        }
        assertEquals(20, got.size(), "the survivor must end up with every message");
    }
}
