package org.journalmq.examples.crash;

import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.journalmq.jms.JournalConnectionFactory;

/**
 * What the crash tests look at from outside the server: PostgreSQL's prepared transactions and the
 * rows of the application's database (SQL, for verification only), and the journal's in-doubt
 * branches and queued messages through the JournalMQ client API (XAResource.recover, QueueBrowser).
 */
final class CrashState implements AutoCloseable {

    static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    /** The application's database (entities), created here when missing. */
    static final String APP_DB = "gf14crash";
    static final String JOURNAL_URL = PG + "journalmq_test";
    static final String JOURNAL_USER = "journalmq";
    static final String TABLE_PREFIX = "GF14CRASH_";

    private final XAConnection journal;
    private final XAResource journalXa;
    private final jakarta.jms.Connection browsing;

    CrashState() throws JMSException {
        JournalConnectionFactory f = new JournalConnectionFactory(JOURNAL_URL);
        f.set(JournalConnectionFactory.USER, JOURNAL_USER);
        f.set(JournalConnectionFactory.TABLE_PREFIX, TABLE_PREFIX);
        journal = f.createXAConnection();
        journalXa = journal.createXASession().getXAResource();
        browsing = f.createConnection();
        browsing.start();
    }

    /** The application's database, owned by the role its DataSource signs on as. */
    static void ensureDatabase() throws SQLException {
        try (Connection c = superuser("postgres");
             PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            q.setString(1, APP_DB);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create database " + APP_DB + " owner " + JOURNAL_USER);
                    }
                }
            }
        }
    }

    private static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(PG + database, "postgres", null);
    }

    /** The gids of the PostgreSQL transactions prepared in the application's database. */
    static List<String> preparedInPostgres() throws SQLException {
        List<String> gids = new ArrayList<>();
        try (Connection c = superuser("postgres");
             PreparedStatement q = c.prepareStatement("select gid from pg_prepared_xacts where database = ?")) {
            q.setString(1, APP_DB);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    gids.add(r.getString(1));
                }
            }
        }
        return gids;
    }

    /**
     * The global transaction id inside a gid of the PostgreSQL driver's XA resource, which writes a
     * Xid as formatId_base64(gtrid)_base64(bqual) (pgjdbc RecoveredXid).
     */
    static byte[] globalIdOfGid(String gid) {
        String[] parts = gid.split("_");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a gid of the PostgreSQL XA resource: " + gid);
        }
        return Base64.getDecoder().decode(parts[1]);
    }

    /** Ends what an aborted earlier run left prepared in the application's database. */
    static void rollbackPreparedInPostgres() throws SQLException {
        List<String> gids = preparedInPostgres();
        if (gids.isEmpty()) {
            return;
        }
        // ROLLBACK PREPARED works only in the database the transaction was prepared in
        try (Connection c = superuser(APP_DB); Statement s = c.createStatement()) {
            for (String gid : gids) {
                s.execute("rollback prepared '" + gid.replace("'", "''") + "'");
            }
        }
    }

    /** The rows of the application's table with this id: their JMSXDeliveryCount column. */
    static List<Integer> rows(String id) throws SQLException {
        List<Integer> counts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(PG + APP_DB, JOURNAL_USER, null);
             PreparedStatement q = c.prepareStatement("select deliverycount from crash14_order where id = ?")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    counts.add(r.getInt(1));
                }
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return counts; // the application has not created its table yet: no row
            }
            throw e;
        }
        return counts;
    }

    /** The journal's in-doubt branches (one full recovery scan, JTA XAResource.recover). */
    List<Xid> inDoubtInJournal() throws XAException {
        Xid[] xids = journalXa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        return xids == null ? List.of() : Arrays.asList(xids);
    }

    /** Ends what an aborted earlier run left in doubt in this test's journal (its own table prefix). */
    void rollbackInDoubtInJournal() throws XAException {
        for (Xid xid : inDoubtInJournal()) {
            journalXa.rollback(xid);
        }
    }

    /** How many ready messages of the queue have this text (browsed: nothing is consumed). */
    int messages(String queue, String text) throws JMSException {
        try (Session s = browsing.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser b = s.createBrowser(s.createQueue(queue))) {
            int n = 0;
            for (Object m : Collections.list(b.getEnumeration())) {
                if (m instanceof TextMessage t && text.equals(t.getText())) {
                    n++;
                }
            }
            return n;
        }
    }

    /** A message to the queue, sent and committed by the test (no transaction of the server). */
    void send(String queue, String text) throws JMSException {
        try (Session s = browsing.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage(text));
        }
    }

    /** A branch as the adapter's JMQ7040/JMQ7041 log lines name it (TrackedXAResource). */
    static String logKey(Xid xid) {
        StringBuilder b = new StringBuilder().append(xid.getFormatId()).append(':');
        for (byte x : xid.getGlobalTransactionId()) {
            b.append(String.format("%02x", x));
        }
        b.append(':');
        for (byte x : xid.getBranchQualifier()) {
            b.append(String.format("%02x", x));
        }
        return b.toString();
    }

    @Override
    public void close() throws JMSException {
        try {
            browsing.close();
        } finally {
            journal.close();
        }
    }
}
