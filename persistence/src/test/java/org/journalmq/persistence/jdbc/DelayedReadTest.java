package org.journalmq.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.Journals;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.Receiver;
import org.journalmq.persistence.Receiver.Fetched;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.TestDatabases;
import org.journalmq.persistence.UnitOfWork;
import org.journalmq.persistence.dialect.Dialects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rows delayed before this JVM started announce themselves to nobody, so a receiver reads the
 * earliest one's due time (a read of every waiting row of its address) to set a timer (delivery
 * delay, Messaging 3.1 section 7.9). A receiver that claims from a deep backlog needs no timer: its
 * next fetch takes whatever came due. Issue 13: read beside a fresh consumer's first claims, on a
 * queue of 1,000,000 on HSQLDB, it evicted the head rows from the row cache and tripled the cost of
 * the first thousands of messages. The read must wait for the receiver's first wait, and cover every
 * row due since the fetch that found nothing began.
 */
class DelayedReadTest {

    private final String url = TestDatabases.hsqldbMemUrl();
    /** The lower bound of each read of the earliest delayed row. */
    private final List<Long> reads = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutdown() {
        TestDatabases.shutdownHsqldb(url);
    }

    @Test
    void aReceiverReadsTheDelayedRowsOnlyOnceItWaitsAndFromTheStartOfThatFetch() {
        try (Journal journal = Journals.open(JournalConfig.builder(recording()).build())) {
            List<NewMessage> sends = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                sends.add(new NewMessage("deep", 4, 0, 0, null, ("m" + i).getBytes()));
            }
            sends.add(new NewMessage("deep", 4, journal.now() + 60_000, 0, null, "later".getBytes()));
            journal.writeAndWait(new UnitOfWork(sends, List.of()));

            Receiver r = journal.openReceiver("deep", null, 0, 9, new Receiver.Callbacks() {
                @Override
                public void handedOver(List<StoredMessage> rows) {
                }

                @Override
                public void wake() {
                }
            });
            int claimed = 0;
            List<StoredMessage> last = List.of();
            while (claimed < 2_000) {
                Fetched f = r.fetch(UnitOfWork.ack(last.stream().map(StoredMessage::ack).toList()), 500).join();
                assertTrue(!f.rows().isEmpty(), "the backlog still holds rows");
                claimed += f.rows().size();
                last = f.rows();
            }
            long drained = journal.now();
            boolean waits = false;
            for (int i = 0; i < 20 && !waits; i++) {
                Fetched f = r.fetch(UnitOfWork.ack(last.stream().map(StoredMessage::ack).toList()), 500).join();
                assertEquals(List.of(), f.rows(), "only the delayed row is left");
                last = List.of();
                waits = f.waiting();
            }
            assertTrue(waits, "the receiver waits once nothing is due");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (reads.isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(1, reads.size(), "one read, at the receiver's first wait: " + reads);
            assertTrue(reads.get(0) >= drained,
                    "read from the start of the fetch that found nothing, not while claiming: " + reads.get(0) + " < " + drained);
            r.close();
        }
    }

    /**
     * A delayed row due in a minute holds a timer on the journal's thread. Closing the journal (the
     * last JMS connection of a factory closing) waited for it, up to 10 s, and left the thread behind
     * until the timer ran.
     */
    @Test
    void closingTheJournalDoesNotWaitForTheTimersOfDelayedRows() throws InterruptedException {
        java.util.Set<Thread> before = maintenanceThreads();
        Journal journal = Journals.open(JournalConfig.builder(url).build());
        java.util.Set<Thread> ours = maintenanceThreads();
        ours.removeAll(before);
        assertEquals(1, ours.size(), "the journal's maintenance thread: " + ours);
        Receiver r = journal.openReceiver("later", null, 0, 9, new Receiver.Callbacks() {
            @Override
            public void handedOver(List<StoredMessage> rows) {
            }

            @Override
            public void wake() {
            }
        });
        boolean waits = false;
        for (int i = 0; i < 20 && !waits; i++) {
            waits = r.fetch(UnitOfWork.ack(List.of()), 1).join().waiting();
        }
        assertTrue(waits, "the receiver waits on the empty queue");
        // Announced by this JVM's commit: a timer for it, a minute away.
        journal.writeAndWait(UnitOfWork.send(new NewMessage("later", 4, journal.now() + 60_000, 0, null,
                "in a minute".getBytes())));
        journal.close();
        Thread thread = ours.iterator().next();
        thread.join(5_000);
        assertTrue(!thread.isAlive(), "the maintenance thread ended with the journal, not with its timer");
    }

    private static java.util.Set<Thread> maintenanceThreads() {
        java.util.Set<Thread> threads = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("journalmq-maintenance-")) {
                threads.add(t);
            }
        }
        return threads;
    }

    /** An HSQLDB DataSource whose statements record the bound of each read of the earliest delayed row. */
    private DataSource recording() {
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl(Dialects.forUrl(url).orElseThrow().prepareUrl(url));
        ds.setUser("SA");
        ds.setPassword("");
        return proxy(DataSource.class, ds, (result, method, args) -> result instanceof Connection c
                ? proxy(Connection.class, c, (ps, m, a) -> ps instanceof PreparedStatement p
                        && m.getName().equals("prepareStatement") && ((String) a[0]).contains("MIN(deliver_at)")
                        ? recordingBound(p) : ps)
                : result);
    }

    private PreparedStatement recordingBound(PreparedStatement real) {
        return proxy(PreparedStatement.class, real, (result, method, args) -> {
            if (method.getName().equals("setLong") && (Integer) args[0] == 2) {
                reads.add((Long) args[1]);
            }
            return result;
        });
    }

    /** What a call on a proxy of {@code real} returns, given what the call on {@code real} returned. */
    private interface After {
        Object of(Object result, java.lang.reflect.Method method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, T real, After after) {
        return type.cast(Proxy.newProxyInstance(DelayedReadTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    try {
                        return after.of(method.invoke(real, args), method, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
