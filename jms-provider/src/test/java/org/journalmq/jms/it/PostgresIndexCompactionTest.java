package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.IndexCompaction;
import org.journalmq.persistence.IndexCompaction.Outcome;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.Journals;
import org.journalmq.persistence.PostgresRoles;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 3: after a backlog drained, the journal rebuilds the delivery table's indexes
 * (REINDEX TABLE CONCURRENTLY) so that fill/drain cycles do not keep their high-water mark, while
 * producers and consumers go on (Messaging 3.1 §4.4.1: sends and receives of the session keep
 * working). The job is called as the schedule calls it, with the floor lowered by configuration;
 * it depends on no autovacuum (the shared test server has it off).
 */
class PostgresIndexCompactionTest {
    private static final int FILL = 30_000;
    private static final long FLOOR = 1024 * 1024;

    private TestJournal pg;
    private JournalConnectionFactory factory;

    @BeforeEach
    void open() {
        pg = TestJournal.postgresql();
        factory = pg.factory();
    }

    @AfterEach
    void close() {
        if (pg != null) {
            pg.close();
        }
    }

    private JournalConfig.Builder config() {
        return JournalConfig.builder(pg.url()).user(pg.user()).tablePrefix(pg.prefix()).indexCompactionMinBytes(FLOOR);
    }

    @Test
    @DisplayName("a drained 30,000-message queue's indexes shrink to about their empty size; traffic during and after works")
    void compactsAfterDrain() throws Exception {
        long empty;
        try (Journal fresh = Journals.open(config().build())) {
            empty = indexBytes();
            assertEquals(Outcome.NOT_NEEDED, fresh.compactIndexes(false).outcome(), "nothing to do on a new journal");
        }
        fillAndDrain();
        long drained = indexBytes();
        assertTrue(drained > FLOOR, "the drained queue's indexes keep their high-water mark: " + drained);
        // The statistics' live-row count reaches the database when the consumers' backends report
        // (at once when they exit, as here, else up to 10 s later when idle); until then the job
        // rightly sees a full table and waits for its next run.
        awaitStatisticsShowEmpty();
        // Opened now: its own schedule's first run is a minute away, so the call below is the one that rebuilds.
        try (Journal journal = Journals.open(config().build())) {
            Connection connection = factory.createConnection();
            connection.start();
            Queue queue = connection.createSession(true, Session.SESSION_TRANSACTED).createQueue("deep");
            // Traffic on another session while the rebuild runs on the job's thread.
            CompletableFuture<IndexCompaction> run = CompletableFuture.supplyAsync(() -> journal.compactIndexes(false));
            roundTrip(connection, queue, 200, "during");
            IndexCompaction done = run.get(2, TimeUnit.MINUTES);

            assertEquals(Outcome.COMPACTED, done.outcome(), done.detail());
            IndexCompaction.Table delivery = done.tables().stream()
                    .filter(t -> t.name().equalsIgnoreCase(pg.prefix() + "DELIVERY")).findFirst().orElseThrow();
            assertTrue(delivery.bytesBefore() >= drained, "the sizes it decided on are the catalog's");
            long after = indexBytes();
            assertTrue(after <= empty + 16 * 8192, "near the empty size " + empty + " after the rebuild: " + after);
            assertTrue(delivery.bytesAfter() <= empty + 16 * 8192, "reported after the rebuild: " + delivery);
            assertEquals(0, invalidIndexes(), "a successful rebuild leaves no invalid index");

            roundTrip(connection, queue, 200, "after");
            assertEquals(Outcome.NOT_NEEDED, journal.compactIndexes(false).outcome(), "once is enough");
            connection.close();
        }
    }

    /** FILL messages sent and received in transactions of 1,000, on a connection closed afterwards. */
    private void fillAndDrain() throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue("deep");
            MessageProducer producer = session.createProducer(queue);
            for (int i = 0; i < FILL; i++) {
                producer.send(session.createTextMessage("m" + i));
                if (i % 1000 == 999) {
                    session.commit();
                }
            }
            session.commit();
            MessageConsumer consumer = session.createConsumer(queue);
            for (int i = 0; i < FILL; i++) {
                assertNotNull(consumer.receive(10_000), "message " + i);
                if (i % 1000 == 999) {
                    session.commit();
                }
            }
            session.commit();
        }
    }

    @Test
    @DisplayName("an invalid index an interrupted rebuild left (name *_ccnew) is dropped by the next run")
    void dropsLeftoverOfInterruptedRebuild() throws Exception {
        try (Connection connection = factory.createConnection(); Journal journal = Journals.open(config().build())) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue("leftover");
            MessageProducer producer = session.createProducer(queue);
            producer.send(session.createTextMessage("a"));
            producer.send(session.createTextMessage("b"));
            session.commit();
            // A failed concurrent build leaves its index INVALID, as a cancelled REINDEX CONCURRENTLY does.
            try (java.sql.Connection c = TestDatabases.connect(config().build()); Statement s = c.createStatement()) {
                assertThrowsSql(() -> s.execute("CREATE UNIQUE INDEX CONCURRENTLY " + pg.prefix()
                        + "DELIVERY_CLAIM_IX_CCNEW ON " + pg.prefix() + "DELIVERY (destination)"));
            }
            assertEquals(1, invalidIndexes());

            IndexCompaction run = journal.compactIndexes(false);

            assertEquals(1, run.leftoversDropped(), run.toString());
            assertEquals(0, invalidIndexes());
            MessageConsumer consumer = session.createConsumer(queue);
            assertEquals("a", ((TextMessage) consumer.receive(10_000)).getText());
            assertEquals("b", ((TextMessage) consumer.receive(10_000)).getText());
            session.commit();
        }
    }

    @Test
    @DisplayName("a user that does not own the tables is told once and left alone; its traffic works")
    void userWithoutOwnershipDoesNothing() throws Exception {
        PostgresRoles.ensure();
        String prefix = TestDatabases.randomPrefix();
        JournalConfig admin = PostgresRoles.as(PostgresRoles.ADMIN, prefix).build();
        try (Journal owner = Journals.open(admin)) {
            PostgresRoles.grantClient(prefix, PostgresRoles.ALICE);
            PostgresRoles.permit(prefix, PostgresRoles.ALICE, "send", "queue:*");
            PostgresRoles.permit(prefix, PostgresRoles.ALICE, "consume", "queue:*");
            try (Journal alice = Journals.open(PostgresRoles.as(PostgresRoles.ALICE, prefix)
                    .indexCompactionMinBytes(FLOOR).build())) {
                assertEquals(Outcome.NOT_PERMITTED, alice.compactIndexes(false).outcome());
                assertEquals(Outcome.DISABLED, alice.compactIndexes(false).outcome(), "the job stops trying");
                assertEquals(Outcome.NOT_PERMITTED, alice.compactIndexes(true).outcome(), "an operator is told why");
            }
            JournalConnectionFactory f = new JournalConnectionFactory(pg.url());
            f.setUser(PostgresRoles.ALICE);
            f.setTablePrefix(prefix);
            f.setIndexCompactionMinBytes(FLOOR);
            try (Connection connection = f.createConnection()) {
                connection.start();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                roundTrip(connection, session.createQueue("alice"), 20, "alice");
            }
            assertEquals(Outcome.NOT_NEEDED, owner.compactIndexes(true).outcome(), "the owner may");
        } finally {
            TestDatabases.dropAll(admin);
        }
    }

    /** Sends n messages on a session of its own and receives them back in order. */
    private static void roundTrip(Connection connection, Queue queue, int n, String tag) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        try {
            Queue own = session.createQueue(queue.getQueueName() + "-" + tag);
            MessageProducer producer = session.createProducer(own);
            for (int i = 0; i < n; i++) {
                producer.send(session.createTextMessage(tag + i));
            }
            session.commit();
            MessageConsumer consumer = session.createConsumer(own);
            for (int i = 0; i < n; i++) {
                Message m = consumer.receive(10_000);
                assertNotNull(m, tag + " message " + i);
                assertEquals(tag + i, ((TextMessage) m).getText());
            }
            session.commit();
            assertNull(consumer.receiveNoWait(), "nothing more");
        } finally {
            session.close();
        }
    }

    private void awaitStatisticsShowEmpty() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (queryLong("SELECT COALESCE(max(n_live_tup), -1) FROM pg_stat_all_tables"
                + " WHERE relid = to_regclass('" + pg.prefix() + "DELIVERY')") != 0) {
            assertTrue(System.nanoTime() < deadline, "the statistics never showed the drained table empty");
            Thread.sleep(100);
        }
    }

    private long indexBytes() throws SQLException {
        return queryLong("SELECT COALESCE(sum(pg_relation_size(indexrelid)), 0) FROM pg_index"
                + " WHERE indrelid = to_regclass('" + pg.prefix() + "DELIVERY')");
    }

    private long invalidIndexes() throws SQLException {
        return queryLong("SELECT count(*) FROM pg_index WHERE NOT indisvalid"
                + " AND indrelid = to_regclass('" + pg.prefix() + "DELIVERY')");
    }

    private long queryLong(String sql) throws SQLException {
        try (java.sql.Connection c = TestDatabases.connect(config().build()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void assertThrowsSql(SqlAction action) {
        try {
            action.run();
        } catch (SQLException expected) {
            return;
        }
        throw new AssertionError("the statement should have failed");
    }
}
