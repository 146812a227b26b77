package org.journalmq.jms.it.child;

import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.narayana.JournalXAResourceRecoveryHelper;

/**
 * The XA lane: each message is consumed in a Narayana JTA transaction together with the insert of a
 * business row (its id) into PostgreSQL, so two-phase commit runs and a kill -9 can leave branches
 * in doubt. A worker started again under the same node id and object store runs recovery before
 * its XA traffic starts ({@link #recoverInDoubt}), and once more after it stopped; the checker
 * counts the business rows: exactly one per message is exactly-once.
 */
final class SoakXa {
    static final String TABLE = "soak_xa_rows";

    private final JournalConnectionFactory factory;
    private final XADataSource business;
    private final SoakRecord record;
    private JournalXAResourceRecoveryHelper journalHelper;
    private javax.sql.XAConnection recoveryConnection;

    SoakXa(JournalConnectionFactory factory, XADataSource business, SoakRecord record) {
        this.factory = factory;
        this.business = business;
        this.record = record;
    }

    /**
     * Runs transactions until stopped. While the file {@code pause} exists it starts none and
     * shows it by the file {@code idle}: the soak restarts the database only then, because a
     * two-phase commit cut by the restart ends heuristic (PostgresSoakTest#restartDatabase).
     */
    void consume(String session, SoakWorker.Running running, java.nio.file.Path pause, java.nio.file.Path idle)
            throws Exception {
        SoakLane lane = SoakLane.XA_QUEUE;
        TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        XAConnection jms = factory.createXAConnection();
        javax.sql.XAConnection jdbc = business.getXAConnection();
        try {
            jms.start();
            XASession s = jms.createXASession();
            MessageConsumer consumer = s.createConsumer(s.createQueue(lane.destination));
            while (running.consuming()) {
                if (java.nio.file.Files.exists(pause)) {
                    if (!java.nio.file.Files.exists(idle)) {
                        java.nio.file.Files.createFile(idle);
                    }
                    running.pause(100);
                    continue;
                }
                java.nio.file.Files.deleteIfExists(idle);
                try {
                    once(tm, s, consumer, jdbc, session);
                } catch (Exception e) {
                    if (tm.getTransaction() != null) {
                        tm.rollback(); // a failed enlist or receive must not leave the thread in it
                    }
                    throw e;
                }
            }
        } finally {
            jms.close();
            jdbc.close();
        }
    }

    /** One transaction: receive, insert the business row, commit (two-phase: two resources). */
    private void once(TransactionManager tm, XASession s, MessageConsumer consumer, javax.sql.XAConnection jdbc,
                      String session) throws Exception {
        SoakLane lane = SoakLane.XA_QUEUE;
        tm.begin();
        Transaction tx = tm.getTransaction();
        tx.enlistResource(s.getXAResource());
        tx.enlistResource(jdbc.getXAResource());
        Message m = consumer.receive(500);
        if (m == null) {
            tm.rollback();
            return;
        }
        String id = SoakConsumers.text(m);
        record.received(lane, id, m.getJMSRedelivered(), session);
        try (Connection c = jdbc.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id) VALUES (?)")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        try {
            tm.commit();
            record.acknowledged(lane, id, session);
        } catch (RollbackException e) {
            record.error(lane + " rolled back", e); // the message comes again, no row
        } catch (Exception e) {
            record.error(lane + " commit", e); // heuristic or unknown: recovery finishes it
        }
    }

    /**
     * Narayana recovery for this node (its object store is the killed incarnation's): scans until
     * neither JournalMQ nor PostgreSQL holds an in-doubt branch of the node, at most 15 scans.
     * Only while this JVM runs no XA transaction: recovery would presume abort for them.
     * Returns the branches left in doubt (0 when done).
     */
    int recoverInDoubt(String nodeId) throws Exception {
        RecoveryManager manager = RecoveryManager.manager(RecoveryManager.DIRECT_MANAGEMENT);
        if (recoveryConnection != null) {
            recoveryConnection.close();
        }
        recoveryConnection = business.getXAConnection();
        if (journalHelper == null) {
            journalHelper = JournalXAResourceRecoveryHelper.register(factory);
            XAResourceRecoveryHelper postgres = new XAResourceRecoveryHelper() {
                @Override
                public boolean initialise(String p) {
                    return true;
                }

                @Override
                public XAResource[] getXAResources() throws Exception {
                    return new XAResource[] {recoveryConnection.getXAResource()};
                }
            };
            XARecoveryModule.getRegisteredXARecoveryModule().addXAResourceRecoveryHelper(postgres);
        }
        int left = Integer.MAX_VALUE;
        for (int scan = 1; scan <= 15 && left > 0; scan++) {
            try {
                manager.scan();
                left = ofNode(journalHelper.getXAResources()[0], nodeId)
                        + ofNode(recoveryConnection.getXAResource(), nodeId);
            } catch (Exception e) {
                record.error("xa-recovery", e); // a database just restarted: scan again with a new connection
                recoveryConnection.close();
                recoveryConnection = business.getXAConnection();
            }
        }
        return left;
    }

    /** In-doubt branches whose global id carries the node's name (Narayana puts it there). */
    private static int ofNode(XAResource resource, String nodeId) throws Exception {
        byte[] node = nodeId.getBytes(StandardCharsets.UTF_8);
        int n = 0;
        for (Xid x : resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
            String gtid = new String(x.getGlobalTransactionId(), StandardCharsets.ISO_8859_1);
            if (gtid.contains(new String(node, StandardCharsets.ISO_8859_1))) {
                n++;
            }
        }
        return n;
    }
}
