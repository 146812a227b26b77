package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAResource;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.it.child.SoakLane;
import org.journalmq.jms.it.child.SoakWorker;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 item 4, the soak: three worker JVMs ({@link SoakWorker}) run mixed traffic on a
 * PostgreSQL cluster of the test's own ({@link OwnPostgres}): queues with selectors (AUTO and
 * CLIENT_ACKNOWLEDGE), transacted sends and receives, a shared durable topic subscription
 * (DUPS_OK), an unshared durable one (AUTO, MessageListener) and XA under Narayana with a
 * PostgreSQL business row (see {@link SoakLane}). One random worker is killed with SIGKILL every
 * 1-3 minutes and started again under the same node id and Narayana object store, which then runs
 * recovery; the database restarts once (pg_ctl restart -m fast) halfway. At the end the parent
 * drains what is left and {@link SoakLedger} prints, per acknowledge mode, sent, acknowledged,
 * received, redelivered and lost, and fails on any loss and on any redelivery the mode does not
 * allow (Jakarta Messaging 3.1 §6.2.10 message acknowledgment, §6.2.7 transactions).
 *
 * <p>Length: {@code -Dsoak.minutes} (default 3, what CI runs); {@code -Dsoak.seed} repeats a kill
 * schedule; {@code -Dsoak.xaDuringRestart=true} keeps XA transactions running through the database
 * restart (see {@link #restartDatabase}). The long run is documented in docs/benchmarks.md.
 */
class PostgresSoakTest {

    @RegisterExtension
    static final OwnPostgres PG = new OwnPostgres();

    private static final int WORKERS = 3;
    private static final long LEASE_MILLIS = 10_000;
    private static final boolean XA_DURING_RESTART = Boolean.getBoolean("soak.xaDuringRestart");
    /** Time for the drain of all lanes to see every message still due (a killed JVM's leases must expire). */
    private static final long DRAIN_MILLIS = 180_000;

    private final double minutes = Double.parseDouble(System.getProperty("soak.minutes", "3"));
    private final long seed = Long.getLong("soak.seed", System.nanoTime());
    private final String prefix = TestDatabases.randomPrefix();
    private final Set<String> killed = new HashSet<>();
    private final int[] incarnations = new int[WORKERS];
    private final ChildJvm[] workers = new ChildJvm[WORKERS];
    private Path work;

    private JournalConnectionFactory factory() {
        JournalConnectionFactory f = new JournalConnectionFactory(PG.url());
        f.setUser(PG.user());
        f.setTablePrefix(prefix);
        f.setLeaseMillis(LEASE_MILLIS);
        f.set(JournalConnectionFactory.JMX, "false");
        return f;
    }

    @Test
    @DisplayName("soak: 3 JVMs, kill -9 every 1-3 min, one database restart; no loss, no redelivery the mode forbids")
    void soak() throws Exception {
        work = Files.createDirectories(Path.of("target").toAbsolutePath().resolve("soak-" + prefix));
        Files.createDirectories(work.resolve("records"));
        JournalConnectionFactory factory = factory();
        prepare(factory);
        Random random = new Random(seed);
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long restartAt = start + (end - start) / 2;
        // The first kill falls 1-3 min in, but at least 30 s before the end: a 3-minute run (CI's)
        // must see one, and a draw near 180 s used to miss the end by a tick (no kill at all).
        long lastFirstKill = Math.max(60, (long) (minutes * 60) - 30);
        long nextKill = start + TimeUnit.SECONDS.toNanos(Math.min(60 + random.nextInt(121), lastFirstKill));
        boolean restarted = false;
        List<String> events = new ArrayList<>();
        List<String> badExits = new ArrayList<>();
        try {
            for (int w = 0; w < WORKERS; w++) {
                startWorker(w);
            }
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (!restarted && now >= restartAt) {
                    restartDatabase();
                    restarted = true;
                    events.add(String.format("%.0f s: database restart (pg_ctl restart -m fast)%s", seconds(start),
                            XA_DURING_RESTART ? ", XA running" : ", XA paused"));
                }
                if (now >= nextKill) {
                    int w = random.nextInt(WORKERS);
                    workers[w].kill();
                    killed.add("w" + w + "." + incarnations[w]);
                    events.add(String.format("%.0f s: kill -9 of worker %d (incarnation %d)", seconds(start), w,
                            incarnations[w]));
                    incarnations[w]++;
                    startWorker(w);
                    nextKill = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + random.nextInt(121));
                }
                for (int w = 0; w < WORKERS; w++) {
                    ChildJvm child = workers[w];
                    assertTrue(child.isAlive(), () -> "a worker died by itself:\n" + output(child));
                }
                Thread.sleep(500); // the schedule's tick: kills and the restart happen at set times
            }
            Files.createFile(work.resolve("stop"));
            for (int w = 0; w < WORKERS; w++) {
                int exit = workers[w].awaitExit(300_000);
                if (exit != 0) {
                    badExits.add("worker " + w + " exited with " + exit + " (2: XA branches left in doubt):\n"
                            + output(workers[w]));
                }
            }
        } finally {
            for (ChildJvm w : workers) {
                if (w != null) {
                    w.close();
                }
            }
        }
        SoakLedger ledger = drainAndCheck(factory);
        int inDoubt;
        try (XAConnection c = factory.createXAConnection()) {
            inDoubt = c.createXASession().getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length;
        }
        System.out.printf("SOAK %.1f min, seed %d, %d workers, %s%n%s", minutes, seed, WORKERS, events,
                ledger.table());
        System.out.println("SOAK exceptions survived by the workers: " + ledger.errors().size()
                + (ledger.errors().isEmpty() ? "" : ", e.g. " + ledger.errors().subList(0, Math.min(5,
                ledger.errors().size()))));
        ledger.violations().stream().limit(50).forEach(v -> System.out.println("SOAK violation: " + v));
        assertTrue(killed.size() >= (minutes >= 3 ? 1 : 0), "no kill happened: " + events);
        assertEquals(List.of(), badExits, "workers that did not stop cleanly");
        assertEquals(0, inDoubt, "JournalMQ XA branches left in doubt after every worker's recovery");
        assertEquals(List.of(), ledger.violations().stream().limit(50).toList(), ledger.table());
    }

    /**
     * pg_ctl restart -m fast. Unless {@code -Dsoak.xaDuringRestart=true}, the XA lanes first finish
     * their transaction and start no new one until the database is back: when the restart cuts a
     * two-phase commit, JournalMQ's commit answers XAER_RMFAIL (retry later) but pgjdbc's commit of
     * the business branch answers XAER_RMERR, which Narayana records as a heuristic outcome and
     * leaves to an operator; recovery then finishes neither branch and the message stays in doubt
     * (seen in a run before this pause: one message "lost", its journal branch still prepared).
     */
    private void restartDatabase() throws Exception {
        Path pause = work.resolve("xa-pause");
        if (!XA_DURING_RESTART) {
            Files.createFile(pause);
            assertTrue(RestartLoad.await(120_000, () -> java.util.stream.IntStream.range(0, WORKERS)
                    .allMatch(w -> Files.exists(work.resolve("xa-idle-w" + w)))), "the XA lanes did not pause");
        }
        try {
            PG.restartFast();
        } finally {
            Files.deleteIfExists(pause);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The journal, the subscriptions (so that the first publish reaches them) and the XA business table. */
    private void prepare(JournalConnectionFactory factory) throws Exception {
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession();
            s.createSharedDurableConsumer(s.createTopic(SoakLane.DUPS_SHARED_TOPIC.destination),
                    SoakLane.DUPS_SHARED_TOPIC.subscription).close();
        }
        try (Connection c = factory.createConnection()) {
            c.setClientID(SoakLane.DURABLE_CLIENT_ID);
            Session s = c.createSession();
            s.createDurableConsumer(s.createTopic(SoakLane.AUTO_DURABLE_TOPIC.destination),
                    SoakLane.AUTO_DURABLE_TOPIC.subscription).close();
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(PG.url(), PG.user(), null);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS soak_xa_rows (id VARCHAR(100) NOT NULL)");
        }
    }

    private void startWorker(int w) throws Exception {
        workers[w] = ChildJvm.start(SoakWorker.class, work.resolve("worker-" + w + "." + incarnations[w] + ".log"),
                "192m", List.of(PG.url(), PG.user(), prefix, Long.toString(LEASE_MILLIS), work.toString(),
                        Integer.toString(w), Integer.toString(incarnations[w])));
    }

    private SoakLedger drainAndCheck(JournalConnectionFactory factory) throws Exception {
        SoakLedger before = new SoakLedger(work.resolve("records"), List.of(), xaRows(), killed, 1);
        SoakDrain drain = new SoakDrain(factory);
        List<SoakDrain.Drained> drained = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        for (SoakLane lane : SoakLane.values()) {
            long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            drained.addAll(drain.drain(lane, before.lost(lane), left));
        }
        return new SoakLedger(work.resolve("records"), drained, xaRows(), killed, 1);
    }

    private Map<String, Integer> xaRows() throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(PG.url(), PG.user(), null);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, COUNT(*) FROM soak_xa_rows GROUP BY id")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2));
            }
        }
        return rows;
    }

    private static String output(ChildJvm child) {
        try {
            String out = child.output();
            return out.length() > 20_000 ? out.substring(out.length() - 20_000) : out;
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
