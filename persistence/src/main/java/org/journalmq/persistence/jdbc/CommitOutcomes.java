package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What became of a transaction whose JDBC {@code commit()} call failed (issue 13). The commit may
 * have reached the database and committed before the connection broke, or not: the exception alone
 * does not say. Reporting a rollback then is a lie when it committed (the application believes
 * consumed messages will come back, and they never do), and retrying a group of sends that
 * committed stores every message twice. So the journal looks, on a fresh connection, at rows the
 * transaction must have changed:
 * <ul>
 *   <li>an acknowledged row still there proves the rollback: the transaction deleted every row it
 *       acknowledged (an ack that matched nothing rolled the group back before the commit, see
 *       GroupWriter), and a row id is never used again;</li>
 *   <li>a row the transaction inserted proves the commit;</li>
 *   <li>every acknowledged row gone proves the commit, as long as this client's leases held
 *       meanwhile (they are renewed while the client lives; a lease that ran out during the outage
 *       could let another consumer take and acknowledge the row, which the README names);</li>
 *   <li>only inserted rows, none of them found: they may never have been written, or were written
 *       and consumed since by another JVM. That stays unknown, and so does any case where the
 *       database cannot be reached in time.</li>
 * </ul>
 * The probe is an UPDATE that changes nothing: it waits for a server-side transaction that still
 * holds the row (the old connection's commit still in progress), where a SELECT would read the
 * state before it and answer wrongly. It is bounded by {@link #PROBE_SECONDS}.
 */
final class CommitOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(CommitOutcomes.class);
    /** How long the probe may wait for a row lock held by the old connection's transaction. */
    static final int PROBE_SECONDS = 10;

    enum Outcome { COMMITTED, ROLLED_BACK, UNKNOWN }

    /**
     * Thrown by the writer in place of the commit's failure when the outcome stayed unknown: a
     * distinct type so that no retry and no unit-by-unit re-run (which would store sends twice)
     * catches it as an ordinary SQLException.
     */
    static final class Unknown extends SQLException {
        private static final long serialVersionUID = 1L;

        Unknown(SQLException commitFailure) {
            super(commitFailure.getMessage(), commitFailure.getSQLState(), commitFailure.getErrorCode(), commitFailure);
        }

        /** The journal failure every unit of the group completes with. */
        JournalException toJournalException(String url) {
            return new JournalException(Kind.OUTCOME_UNKNOWN, "the connection to the database broke during the"
                    + " commit and the journal could not find out whether the transaction committed (on "
                    + SqlErrors.safeUrl(url) + ", SQLState " + getSQLState() + ": " + getMessage() + ")", getCause());
        }
    }

    private final Database db;
    /**
     * How long to keep trying to reach a database that is restarting (the usual cause of a lost
     * commit): the journal's reconnect time, as for any write, with a floor for the tests that set it to 0.
     */
    private final long reconnectMillis;

    CommitOutcomes(Database db) {
        this.db = db;
        this.reconnectMillis = Math.max(5_000, db.outages.reconnectMillis());
    }

    /**
     * After a failed commit call of a group of {@code units} units: returns when the transaction
     * did commit (the caller completes the group as committed); runs {@code rolledBack} and throws
     * the commit's failure when it certainly rolled back (a retry or a re-run unit by unit is then
     * safe), or {@link Unknown} when nobody can tell.
     */
    void settle(SQLException failure, int units, List<Ack> acks, List<Long> insertedIds, Runnable rolledBack)
            throws SQLException {
        // The outage began here, even if the probe below finds the outcome and nothing else fails.
        db.outages.failed(SqlErrors.wrap("commit", failure, db.url));
        Outcome outcome = resolve(acks, insertedIds);
        LOG.warn("JMQ1021 the commit of a group of {} unit(s) failed ({}); its outcome: {}", units, failure, outcome);
        if (outcome != Outcome.COMMITTED) {
            rolledBack.run(); // hand-overs are off; when unknown, GroupWriter gives their rows back (LostClaims)
            throw outcome == Outcome.ROLLED_BACK ? failure : new Unknown(failure);
        }
    }

    /**
     * Finds out whether the transaction that acknowledged {@code acks} and inserted the rows
     * {@code insertedIds} committed. Never throws: a database that cannot be asked gives UNKNOWN.
     */
    Outcome resolve(List<Ack> acks, List<Long> insertedIds) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(reconnectMillis);
        for (int attempt = 1; ; attempt++) {
            try {
                return probe(acks, insertedIds);
            } catch (SQLException e) {
                if (SqlErrors.kindOf(e) != Kind.UNAVAILABLE || System.nanoTime() > deadline) {
                    LOG.warn("JMQ1021 could not find out whether a failed commit committed: {}", e.toString());
                    return Outcome.UNKNOWN;
                }
                // A restarting database refuses connections for a moment: ask again shortly.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(50L * attempt, 500)));
            }
        }
    }

    private Outcome probe(List<Ack> acks, List<Long> insertedIds) throws SQLException {
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement(db.sql.probeRow)) {
                ps.setQueryTimeout(PROBE_SECONDS);
                for (Long id : insertedIds) {
                    if (exists(ps, id)) {
                        return Outcome.COMMITTED;
                    }
                }
                for (Ack a : acks) {
                    if (exists(ps, a.id())) {
                        return Outcome.ROLLED_BACK;
                    }
                }
                return acks.isEmpty() ? Outcome.UNKNOWN : Outcome.COMMITTED;
            } finally {
                Database.rollbackQuietly(c); // the probe changed nothing and keeps no lock
            }
        }
    }

    private static boolean exists(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        return ps.executeUpdate() > 0;
    }
}
