package org.journalmq.jms.it;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Failure injection for issue 13: a DataSource over a real one whose connections lose one chosen
 * commit the way a database restart does, with the JDBC {@code commit()} call failing with SQLState
 * 08006. A real server cannot be made to break exactly inside a commit on cue, so the connection is
 * a proxy; everything else reaches the real database unchanged.
 *
 * <p>The commit to lose is the next one of a transaction that prepared a statement the trigger
 * accepts (say, the journal's ack DELETE): the journal's heartbeat, claims and maintenance commit
 * on the same DataSource and must go through.
 */
final class LostCommits extends ForwardingDataSource {

    /** How the chosen commit is lost. */
    enum Mode {
        /** The database commits, then the connection breaks before the client hears of it. */
        COMMITTED_THEN_BROKEN,
        /** The connection breaks before the commit reaches the database: it rolls back. */
        BROKEN_BEFORE_COMMIT
    }

    private record Armed(Mode mode, Predicate<String> trigger, boolean staysDown) {
    }

    /**
     * A commit held back until {@link #open()}: while the journal's writer waits in it, the units
     * other threads submit queue up and go into its next group together.
     */
    static final class Hold {
        private final Predicate<String> trigger;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);

        private Hold(Predicate<String> trigger) {
            this.trigger = trigger;
        }

        /** True once the held commit has begun (bounded wait). */
        boolean awaitReached(long millis) throws InterruptedException {
            return reached.await(millis, TimeUnit.MILLISECONDS);
        }

        /** Lets the held commit go on. */
        void open() {
            gate.countDown();
        }
    }

    private final AtomicReference<Hold> hold = new AtomicReference<>();
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private final AtomicInteger lost = new AtomicInteger();
    /** The database is "down": no connection opens, and every open one fails, until {@link #heal()}. */
    private final AtomicBoolean down = new AtomicBoolean();

    LostCommits(DataSource real) {
        super(real);
    }

    /** Loses the next commit of a transaction that prepared a statement {@code trigger} accepts. */
    void loseNextCommit(Mode mode, Predicate<String> trigger) {
        armed.set(new Armed(mode, trigger, false));
    }

    /** Holds the next commit of a transaction that prepared a statement {@code trigger} accepts. */
    Hold holdNextCommit(Predicate<String> trigger) {
        Hold h = new Hold(trigger);
        hold.set(h);
        return h;
    }

    /** As {@link #loseNextCommit}, and the database then stays unreachable until {@link #heal()}. */
    void loseNextCommitAndStayDown(Mode mode, Predicate<String> trigger) {
        armed.set(new Armed(mode, trigger, true));
    }

    /** The database is reachable again. */
    void heal() {
        down.set(false);
    }

    /** How many commits were lost so far: a test that meant to lose one checks it did. */
    int lost() {
        return lost.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhenDown();
        return wrap(real.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        refuseWhenDown();
        return wrap(real.getConnection(user, password));
    }

    private void refuseWhenDown() throws SQLException {
        if (down.get()) {
            throw new SQLException("Connection refused (injected: the database is down)", "08001");
        }
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                new Losing(c));
    }

    /** One connection: notes whether its open transaction ran the trigger statement. */
    private final class Losing implements InvocationHandler {
        private final Connection target;
        /** The armed failure this transaction will suffer at its commit, or null. */
        private Armed doomed;
        /** The hold this transaction's commit waits for, or null. */
        private Hold held;

        Losing(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (down.get() && !name.equals("close") && !name.equals("isClosed")) {
                throw new SQLException("An I/O error occurred while sending to the backend (injected: the database"
                        + " is down)", "08006");
            }
            if (name.startsWith("prepare") && args != null && args.length > 0 && args[0] instanceof String sql) {
                Armed a = armed.get();
                if (doomed == null && a != null && a.trigger().test(sql) && armed.compareAndSet(a, null)) {
                    doomed = a;
                }
                Hold h = hold.get();
                if (held == null && h != null && h.trigger.test(sql) && hold.compareAndSet(h, null)) {
                    held = h;
                }
            } else if (name.equals("rollback") && (args == null || args.length == 0)) {
                doomed = null;
                held = null;
            } else if (name.equals("commit") && held != null) {
                Hold h = held;
                held = null;
                h.reached.countDown();
                if (!h.gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a held commit was never let go");
                }
            }
            if (name.equals("commit") && doomed != null) {
                Mode mode = doomed.mode();
                down.set(doomed.staysDown());
                doomed = null;
                if (mode == Mode.COMMITTED_THEN_BROKEN) {
                    target.commit();
                } else {
                    target.rollback();
                }
                lost.incrementAndGet();
                throw new SQLException("An I/O error occurred while sending to the backend: connection lost"
                        + " (injected, " + mode + ")", "08006");
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
