package org.journalmq.bench;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.common.recoveryPropertyManager;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.XADataSource;
import org.hsqldb.jdbc.pool.JDBCXADataSource;
import org.journalmq.jms.JournalConnectionFactory;
import org.postgresql.xa.PGXADataSource;

/**
 * XA transactions under Narayana, each with one persistent send through a JournalMQ XA session and
 * one INSERT through an XA JDBC connection: two resources, so every transaction is a full two-phase
 * commit (both prepared, Narayana's log written, both committed). The business table lives in the
 * journal's PostgreSQL database (PGXADataSource), or for an HSQLDB journal in a second HSQLDB file
 * database with fsync at commit (JDBCXADataSource). Percentiles are those of one whole transaction.
 */
final class XaSend extends DeclaredScenario {
    private static TransactionManager tm;

    XaSend() {
        super("xa", 2_000);
        warmupAtMost(200);
        kind(Kind.SEND_ONLY);
        journalOnly("JournalMQ only (a JournalMQ XA session in a Narayana transaction)");
    }

    /** Narayana in this JVM, its object store in a temporary folder, no TCP listeners. */
    private static synchronized TransactionManager transactionManager() throws Exception {
        if (tm == null) {
            String store = Files.createTempDirectory("journalmq-bench-tx-").toString();
            BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreDir(store);
            BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore")
                    .setObjectStoreDir(store);
            BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore").setObjectStoreDir(store);
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier("jmq-bench");
            arjPropertyManager.getCoordinatorEnvironmentBean().setTransactionStatusManagerEnable(false);
            recoveryPropertyManager.getRecoveryEnvironmentBean().setRecoveryListener(false);
            tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        }
        return tm;
    }

    private static XADataSource businessDataSource(JournalConnectionFactory f) throws Exception {
        if (f.getUrl().startsWith("jdbc:postgresql:")) {
            PGXADataSource ds = new PGXADataSource();
            ds.setUrl(f.getUrl());
            ds.setUser(f.getUser());
            String password = System.getenv("JOURNALMQ_PASSWORD");
            if (password != null && !password.isEmpty()) {
                ds.setPassword(password);
            }
            return ds;
        }
        Path dir = Files.createTempDirectory("journalmq-bench-business-");
        JDBCXADataSource ds = new JDBCXADataSource();
        ds.setUrl("jdbc:hsqldb:file:" + dir.resolve("business") + ";hsqldb.write_delay=false");
        ds.setUser("SA");
        ds.setPassword("");
        return ds;
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int messages) throws Exception {
        JournalConnectionFactory factory = ctx.journalFactory();
        TransactionManager manager = transactionManager();
        XADataSource business = businessDataSource(factory);
        String table = "bench_xa_" + UUID.randomUUID().toString().substring(0, 8);
        Latencies latencies = new Latencies(messages);
        long start;
        long end;
        javax.sql.XAConnection jdbc = business.getXAConnection();
        try (XAConnection jms = factory.createXAConnection(); Connection sql = jdbc.getConnection()) {
            sql.setAutoCommit(true);
            try (Statement s = sql.createStatement()) {
                s.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, note VARCHAR(100))");
            }
            sql.setAutoCommit(false);
            XASession session = jms.createXASession();
            MessageProducer producer = session.createProducer(session.createQueue(queueName));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            try (PreparedStatement insert = sql.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                start = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    long t0 = System.nanoTime();
                    manager.begin();
                    Transaction tx = manager.getTransaction();
                    tx.enlistResource(session.getXAResource());
                    tx.enlistResource(jdbc.getXAResource());
                    producer.send(ctx.message(session, i));
                    insert.setInt(1, i);
                    insert.setString(2, "order " + i);
                    insert.executeUpdate();
                    manager.commit();
                    latencies.record(System.nanoTime() - t0);
                }
                end = System.nanoTime();
            }
            sql.setAutoCommit(true);
            try (Statement s = sql.createStatement()) {
                s.execute("DROP TABLE " + table);
            }
        } finally {
            jdbc.close();
        }
        Latencies.Snapshot l = latencies.snapshot();
        return new Result(messages, messages / ((end - start) / 1e9), l.millis(50), l.millis(99),
                "Narayana 2PC, 1 send + 1 JDBC row (" + (factory.getUrl().startsWith("jdbc:postgresql:")
                        ? "PGXADataSource" : "HSQLDB JDBCXADataSource") + ") per transaction; p50/p99 of a transaction",
                true);
    }
}
