package org.journalmq.jms.it.child;

import jakarta.jms.Message;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.sql.Connection;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.it.BusinessDb;
import org.journalmq.jms.it.Narayana;

/**
 * Child JVM: in one Narayana transaction, consumes an order from JournalMQ, sends a confirmation
 * and inserts the business row in PostgreSQL, then halts inside the transaction manager (see
 * {@link HaltingResource}) until the test kills it.
 * Arguments: url user prefix lease in out pgUrl pgUser table objectStore nodeId PREPARE|COMMIT marker.
 */
public final class XaWorkerMain {
    private XaWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        JournalConnectionFactory factory = XaRecoveryMain.factory(args);
        String in = args[4];
        String out = args[5];
        BusinessDb business = BusinessDb.postgres(args[6], args[7], args[8]);
        Narayana.configure(Path.of(args[9]), args[10]);
        HaltingResource halting = new HaltingResource(HaltingResource.Phase.valueOf(args[11]), Path.of(args[12]));

        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        XAConnection jms = factory.createXAConnection();
        jms.start();
        XASession session = jms.createXASession();
        javax.sql.XAConnection jdbc = business.xa().getXAConnection();
        tm.begin();
        Transaction tx = tm.getTransaction();
        boolean haltInCommit = args[11].equals("COMMIT");
        if (haltInCommit) {
            tx.enlistResource(halting); // committed first, after the decision is logged
        }
        tx.enlistResource(session.getXAResource());
        tx.enlistResource(jdbc.getXAResource());
        if (!haltInCommit) {
            tx.enlistResource(halting); // prepared last, before any decision
        }
        Message order = session.createConsumer(session.createQueue(in)).receive(30_000);
        if (order == null) {
            throw new IllegalStateException("no order arrived");
        }
        int n = order.getIntProperty("n");
        session.createProducer(session.createQueue(out)).send(session.createTextMessage("confirmed " + n));
        Connection c = jdbc.getConnection();
        business.insert(c, n, "processed");
        System.out.println("committing order " + n);
        tm.commit(); // halts inside
        System.out.println("commit returned: the halting resource did not halt");
        System.exit(3);
    }
}
