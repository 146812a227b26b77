package org.journalmq.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.journalmq.bench.jdbc.CountingDriver;
import org.journalmq.bench.jdbc.StatementCounts;
import org.journalmq.bench.peer.JournalPeer;
import org.journalmq.bench.peer.Peer;
import org.journalmq.jms.JournalConnectionFactory;

/**
 * What idle listeners cost the database: {@value #LISTENERS} MessageListeners on an empty queue,
 * connection started, for --idle-seconds. A second journal is opened on the same database through
 * {@link CountingDriver} ({@code jdbc:counting:<journal URL>} under a HikariCP pool handed to the
 * factory as its DataSource, so the dialect is the real database's), and every statement it
 * executes is counted by thread: maintenance, LISTEN, and consumers/other. Counting starts
 * {@value #SETTLE_MILLIS} ms after the listeners started, so opening the journal and creating the
 * consumers are left out. JournalMQ only: the count needs the JDBC side.
 */
final class Idle implements Scenario {

    static final int LISTENERS = 4;
    static final long SETTLE_MILLIS = 2_000;

    @Override
    public String name() {
        return "idle";
    }

    /** --messages does not apply: nothing is sent. */
    @Override
    public int defaultMessages() {
        return 0;
    }

    @Override
    public int warmupMessages(int requested) {
        return 0;
    }

    @Override
    public Kind kind() {
        return Kind.SELF;
    }

    @Override
    public Metric metric() {
        return Metric.NONE;
    }

    @Override
    public boolean appliesTo(Peer peer, BenchContext ctx) {
        return peer.isJournal();
    }

    @Override
    public String notApplicable(Peer peer, BenchContext ctx) {
        return "JournalMQ only (statements are counted on its JDBC connections)";
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int ignored) throws Exception {
        CountingDriver.register();
        JournalPeer journal = ctx.journalPeer();
        AtomicLong received = new AtomicLong();
        StatementCounts.Snapshot counted;
        try (HikariDataSource pool = countingPool(ctx, journal)) {
            JournalConnectionFactory f = new JournalConnectionFactory(pool);
            // no user on the factory: the pool logs in, and a journal given a user asks the DataSource
            // for getConnection(user, password), which a HikariCP pool refuses
            f.setTablePrefix(ctx.journalFactory().getTablePrefix());
            f.setPrefetch(ctx.prefetch());
            f.setJmxEnabled(false); // the runner's journal on the same database has the MBean name already
            try (Connection c = f.createConnection()) {
                for (int i = 0; i < LISTENERS; i++) {
                    Session s = c.createSession(ctx.consumerAckMode());
                    s.createConsumer(s.createQueue(queueName)).setMessageListener(m -> received.incrementAndGet());
                }
                c.start();
                Thread.sleep(SETTLE_MILLIS);
                StatementCounts.Snapshot before = StatementCounts.snapshot();
                Thread.sleep(ctx.idleSeconds() * 1_000L);
                counted = StatementCounts.snapshot().minus(before);
            }
        }
        double seconds = ctx.idleSeconds();
        String notes = String.format(Locale.ROOT, "%d idle listeners (%s) for %d s; statements/s: consumers/other"
                        + " %.2f, maintenance %.2f, listen %.2f (%d, %d, %d in all)", LISTENERS,
                BenchContext.ackName(ctx.consumerAckMode()), ctx.idleSeconds(), counted.consumers() / seconds,
                counted.maintenance() / seconds, counted.listen() / seconds, counted.consumers(),
                counted.maintenance(), counted.listen());
        Result r = new Result(0, Double.NaN, Double.NaN, Double.NaN, notes, true);
        return received.get() == 0 ? r : r.failed(received.get() + " messages arrived on the idle queue");
    }

    /**
     * A pool on the counting driver shaped like the journal's own (auto-commit off); Hikari checks
     * connections with Connection.isValid, which is not a statement and is not counted.
     */
    private static HikariDataSource countingPool(BenchContext ctx, JournalPeer journal) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("bench-idle-counting");
        hc.setJdbcUrl(CountingDriver.PREFIX + ctx.jdbcUrl());
        boolean hsqldb = ctx.jdbcUrl().startsWith("jdbc:hsqldb:");
        hc.setUsername(journal.user() != null ? journal.user() : hsqldb ? "SA" : null);
        hc.setPassword(journal.password() != null && !journal.password().isEmpty() ? journal.password()
                : hsqldb ? "" : null);
        hc.setAutoCommit(false);
        hc.setMaximumPoolSize(10);
        return new HikariDataSource(hc);
    }
}
