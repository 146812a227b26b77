package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.List;
import org.journalmq.jms.it.child.LocalTxMain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of the local-transaction mode (issue 6, item 4) with a real child JVM killed by
 * SIGKILL: a transaction that wrote its row, its send and its acknowledgement into the application's
 * connection but did not commit leaves neither row nor message, and the message it consumed comes
 * back redelivered (spec 3.4.7, 3.5.11); the transaction committed before it is intact.
 */
public abstract class AbstractLocalTransactionCrashTest extends JmsTestBase {

    @Test
    @DisplayName("kill -9 between the application's work and its commit: neither row nor message, input redelivered")
    void killedBeforeCommitLeavesNothing() throws Exception {
        String in = uniqueQueue("ltx-crash-in");
        String out = uniqueQueue("ltx-crash-out");
        BusinessTable accounts = BusinessTable.of(journal);
        Connection setup = connect();
        accounts.create();
        Session s = setup.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue(in));
        for (int n = 1; n <= 2; n++) {
            Message m = s.createTextMessage("input " + n);
            m.setIntProperty("n", n);
            p.send(m);
        }
        setup.close(); // an embedded file journal is held by one JVM at a time

        Path record = dir.resolve("localtx.txt");
        try (ChildJvm child = ChildJvm.start(LocalTxMain.class, dir.resolve("localtx.log"),
                childArgs(in, record, out, journal.prefix() + "ACCOUNT"))) {
            await("the child to flush its second transaction", 120_000,
                    () -> AbstractCrashSafetyTest.safeLines(record).stream().anyMatch(l -> l.startsWith("FLUSHED")));
            child.kill();
            List<String> lines = AbstractCrashSafetyTest.lines(record);
            assertEquals(List.of("COMMITTED 1", "FLUSHED 2 false 1"), lines, child.output());
        }

        Connection c = started(); // on HSQLDB: waits for the killed JVM's lock to go stale
        assertEquals(1, accounts.rows(), "only the committed transaction's row exists");
        assertEquals(0, accounts.balance(1));
        assertNull(accounts.balance(2), "the uncommitted row is gone");

        Session r = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer forwards = r.createConsumer(r.createQueue(out));
        Message forward = forwards.receive(5_000);
        assertNotNull(forward, "the committed transaction's forward exists");
        assertEquals(1, forward.getIntProperty("n"));
        assertNull(forwards.receive(500), "the uncommitted forward does not exist");

        MessageConsumer inputs = r.createConsumer(r.createQueue(in));
        // the killed JVM's claim is a lease: it comes back once the lease ran out
        Message again = inputs.receive(leaseMillis() * 10);
        assertNotNull(again, "the message consumed by the uncommitted transaction comes back");
        assertEquals(2, again.getIntProperty("n"));
        assertTrue(again.getJMSRedelivered());
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        assertNull(inputs.receive(500), "the committed transaction's input is acknowledged");
    }
}
