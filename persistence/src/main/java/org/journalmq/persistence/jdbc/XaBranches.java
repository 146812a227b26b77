package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.PreparedBranch;
import org.journalmq.persistence.PreparedBranch.State;
import org.journalmq.persistence.Publication;
import org.journalmq.persistence.UnitOfWork;
import org.journalmq.persistence.XaId;
import org.journalmq.persistence.XaOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal as its own XA resource manager (migration 3). A prepared branch is a row in
 * XA_BRANCH plus DELIVERY rows tagged with its id: sends in state 2 (never claimed or browsed,
 * since those only read state 0) and acknowledged rows moved from state 1 to 3 (so that neither
 * lease expiry nor a journal's close, which only look at state 1, gives them back). Finishing a
 * branch is one transaction that turns those rows into their outcome and removes the record; it
 * locks the record first, so two journals finishing the same branch at once cannot both apply it.
 *
 * <p>Prepares run in their own transaction rather than in the group commit: they are rare next to
 * plain sends, and a failed one must fail alone and leave no trace.
 */
final class XaBranches {
    private static final Logger LOG = LoggerFactory.getLogger(XaBranches.class);
    private static final int PREPARED_SEND = 2;
    private static final int PREPARED_ACK = 3;

    /**
     * Records the ids it hands out to the thread that asked for recording, so that a prepare can
     * tag the rows the topic fan-out inserted for it.
     */
    private static final class RecordingIds extends IdAllocator {
        private final ThreadLocal<List<Long>> recording = new ThreadLocal<>();

        RecordingIds(Database db) {
            super(db.dialect, db);
        }

        @Override
        long next(Connection c) throws SQLException {
            long id = super.next(c);
            List<Long> ids = recording.get();
            if (ids != null) {
                ids.add(id);
            }
            return id;
        }

        void record() {
            recording.set(new ArrayList<>());
        }

        List<Long> stop() {
            List<Long> ids = recording.get();
            recording.remove();
            return ids == null ? List.of() : ids;
        }
    }

    private record Found(long branchId, State state) {
    }

    private final Database db;
    private final JournalClock clock;
    private final String clientId;
    /** After a commit: wakes the receivers of the addresses and announces the delayed rows in this JVM. */
    private final BiConsumer<Set<String>, DelayedRows> wake;
    private final RecordingIds ids;
    private final Fanout fanout;
    private final DuplicateIds duplicates;
    private final String insertBranch;
    private final String findBranch;
    private final String lockBranch;
    private final String setBranchState;
    private final String deleteBranch;
    private final String listBranches;
    private final String insertSend;
    private final String tagPublished;
    private final String holdAck;
    private final String destinationsOfBranch;
    private final String commitSends;
    private final String commitAcks;
    private final String rollbackSends;
    private final String rollbackAcks;

    XaBranches(Database db, JournalClock clock, String clientId, BiConsumer<Set<String>, DelayedRows> wake,
               DuplicateIds duplicates) {
        this.db = db;
        this.duplicates = duplicates;
        this.clock = clock;
        this.clientId = clientId;
        this.wake = wake;
        this.ids = new RecordingIds(db);
        this.fanout = new Fanout(db, new TopicSql(db.dialect, db.tables));
        String b = db.tables.xaBranch();
        String d = db.tables.delivery();
        insertBranch = "INSERT INTO " + b + " (branch_id, format_id, gtrid, bqual, owner, state, created_at)"
                + " VALUES (?, ?, ?, ?, ?, 0, ?)";
        String xid = " WHERE format_id = ? AND gtrid = ? AND bqual = ?";
        findBranch = "SELECT branch_id, state FROM " + b + xid;
        // A no-op update takes the row lock on both databases: a concurrent finisher waits, then
        // finds the record gone.
        lockBranch = "UPDATE " + b + " SET state = state WHERE branch_id = ?";
        setBranchState = "UPDATE " + b + " SET state = ? WHERE branch_id = ?";
        deleteBranch = "DELETE FROM " + b + " WHERE branch_id = ?";
        listBranches = "SELECT format_id, gtrid, bqual, owner, state, created_at FROM " + b
                + " ORDER BY created_at, branch_id";
        insertSend = "INSERT INTO " + d + " (id, destination, priority, priority_rank, deliver_at, expires_at, state,"
                + " owner, lease_until, delivery_count, group_id, created_at, data, expiry_address, xa_branch)"
                + " VALUES (?, ?, ?, ?, ?, ?, " + PREPARED_SEND + ", NULL, 0, 0, ?, ?, ?, ?, ?)";
        tagPublished = "UPDATE " + d + " SET state = " + PREPARED_SEND + ", xa_branch = ? WHERE id = ? AND state = 0";
        // Same claim token as a plain ack: a lease lost meanwhile makes the prepare fail.
        holdAck = "UPDATE " + d + " SET state = " + PREPARED_ACK + ", xa_branch = ?"
                + " WHERE id = ? AND owner = ? AND delivery_count = ? AND state = 1";
        // Per destination, the first and last deliver-at of the branch's sends not due yet (JMS 3.1
        // §7.9): a commit announces them as a group commit does. Read through the xa_branch index.
        String delayedSend = "CASE WHEN state = " + PREPARED_SEND + " AND deliver_at > ? THEN deliver_at END";
        destinationsOfBranch = "SELECT destination, MIN(" + delayedSend + "), MAX(" + delayedSend + ") FROM " + d
                + " WHERE xa_branch = ? GROUP BY destination";
        commitSends = "UPDATE " + d + " SET state = 0, xa_branch = NULL WHERE xa_branch = ? AND state = "
                + PREPARED_SEND;
        commitAcks = "DELETE FROM " + d + " WHERE xa_branch = ? AND state = " + PREPARED_ACK;
        rollbackSends = "DELETE FROM " + d + " WHERE xa_branch = ? AND state = " + PREPARED_SEND;
        // The delivery count is kept: the next delivery is flagged as a redelivery.
        rollbackAcks = "UPDATE " + d + " SET state = 0, owner = NULL, lease_until = 0, xa_branch = NULL"
                + " WHERE xa_branch = ? AND state = " + PREPARED_ACK;
    }

    /**
     * Prepares run concurrently, each in its own transaction; only those with topic publications
     * take turns, since the fan-out's subscription cache belongs to one thread at a time.
     */
    void prepare(XaId xid, UnitOfWork work) {
        if (work.publications().isEmpty()) {
            prepareOnce(xid, work);
        } else {
            synchronized (fanout) {
                prepareOnce(xid, work);
            }
        }
        LOG.debug("JMQ3001 prepared XA branch {}: {} sends, {} publications, {} acks", xid, work.sends().size(),
                work.publications().size(), work.acks().size());
    }

    private void prepareOnce(XaId xid, UnitOfWork work) {
        Set<NewMessage> suppressed;
        try {
            suppressed = db.transaction("XA prepare", c -> {
                long now = clock.now();
                long branchId = ids.next(c);
                try (PreparedStatement ps = c.prepareStatement(insertBranch)) {
                    ps.setLong(1, branchId);
                    bindXid(ps, 2, xid);
                    ps.setString(5, clientId);
                    ps.setLong(6, now);
                    ps.executeUpdate();
                }
                // The ids are recorded at prepare, under the branch: a rollback takes them back. Until
                // the branch is finished, a resend of one of them counts as a duplicate.
                Set<NewMessage> dups = duplicates.suppressed(c, DuplicateIds.messagesOf(work), now, branchId);
                insertSends(c, work.sends().stream().filter(m -> !dups.contains(m)).toList(), branchId, now);
                List<Publication> publications = work.publications().stream()
                        .filter(p -> !dups.contains(p.message())).toList();
                if (!publications.isEmpty()) {
                    ids.record();
                    List<Long> inserted;
                    try {
                        fanout.apply(c, publications, ids, now);
                    } finally {
                        inserted = ids.stop(); // never leave this thread recording
                    }
                    tagPublished(c, inserted, branchId);
                }
                if (!holdAcks(c, work.acks(), branchId)) {
                    // Thrown inside the transaction so that it is rolled back: nothing is prepared.
                    throw new JournalException(Kind.LEASE_LOST, "XA prepare of " + xid + ": an ack names a row"
                            + " this client no longer holds with that delivery count (lease expired or message"
                            + " gone); nothing was prepared");
                }
                return dups;
            });
        } catch (JournalException e) {
            if (isUniqueViolation(e)) {
                throw new JournalException(Kind.CONFLICT, "XA branch " + xid + " is already prepared", e);
            }
            throw e;
        }
        duplicates.report(suppressed);
    }

    XaOutcome commit(XaId xid) {
        return finish(xid, true);
    }

    XaOutcome rollback(XaId xid) {
        return finish(xid, false);
    }

    private XaOutcome finish(XaId xid, boolean commit) {
        Set<String> touched = new LinkedHashSet<>();
        DelayedRows[] delayed = {DelayedRows.none()};
        XaOutcome outcome = db.transaction(commit ? "XA commit" : "XA rollback", c -> {
            touched.clear();
            delayed[0] = DelayedRows.none(); // a retried transaction starts over
            Found found = lock(c, xid);
            if (found.state == State.HEURISTIC_COMMITTED) {
                return XaOutcome.HEURISTIC_COMMITTED;
            }
            if (found.state == State.HEURISTIC_ROLLED_BACK) {
                return XaOutcome.HEURISTIC_ROLLED_BACK;
            }
            touched.addAll(apply(c, found.branchId, commit, delayed[0]));
            update(c, deleteBranch, found.branchId);
            db.notifier.notify(c, touched, delayed[0]);
            return XaOutcome.DONE;
        });
        if (!touched.isEmpty()) {
            wake.accept(touched, delayed[0]);
        }
        return outcome;
    }

    List<PreparedBranch> list() {
        return db.transaction("XA recover", c -> {
            List<PreparedBranch> branches = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(listBranches); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    XaId xid = new XaId(rs.getInt(1), rs.getBytes(2), rs.getBytes(3));
                    branches.add(new PreparedBranch(xid, rs.getString(4), State.of(rs.getInt(5)), rs.getLong(6)));
                }
            }
            return List.copyOf(branches);
        });
    }

    void completeHeuristically(XaId xid, boolean commit) {
        DelayedRows[] delayed = {DelayedRows.none()};
        Set<String> touched = db.transaction("XA heuristic completion", c -> {
            delayed[0] = DelayedRows.none();
            Found found = lock(c, xid);
            if (found.state != State.PREPARED) {
                throw new JournalException(Kind.CONFLICT, "XA branch " + xid + " is already completed: " + found.state);
            }
            Set<String> destinations = apply(c, found.branchId, commit, delayed[0]);
            db.notifier.notify(c, destinations, delayed[0]);
            try (PreparedStatement ps = c.prepareStatement(setBranchState)) {
                ps.setInt(1, (commit ? State.HEURISTIC_COMMITTED : State.HEURISTIC_ROLLED_BACK).code());
                ps.setLong(2, found.branchId);
                ps.executeUpdate();
            }
            return destinations;
        });
        LOG.warn("JMQ3002 XA branch {} {} heuristically by an operator; the transaction manager will be told",
                xid, commit ? "committed" : "rolled back");
        if (!touched.isEmpty()) {
            wake.accept(touched, delayed[0]);
        }
    }

    void forget(XaId xid) {
        db.transaction("XA forget", c -> {
            Found found = lock(c, xid);
            if (found.state == State.PREPARED) {
                throw new JournalException(Kind.CONFLICT, "XA branch " + xid
                        + " is prepared, not heuristically completed: commit or roll it back instead of forgetting it");
            }
            update(c, deleteBranch, found.branchId);
            return null;
        });
    }

    /** Finds and locks a branch record; NOT_FOUND when there is none. */
    private Found lock(Connection c, XaId xid) throws SQLException {
        Found found = null;
        try (PreparedStatement ps = c.prepareStatement(findBranch)) {
            bindXid(ps, 1, xid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    found = new Found(rs.getLong(1), State.of(rs.getInt(2)));
                }
            }
        }
        if (found == null || update(c, lockBranch, found.branchId) == 0) {
            throw new JournalException(Kind.NOT_FOUND, "no XA branch " + xid + " is recorded in the journal");
        }
        return found;
    }

    /** Turns the branch's rows into the outcome; returns the destinations that got ready rows. */
    /** Applies the branch's outcome; on commit {@code delayed} receives its sends not due yet. */
    private Set<String> apply(Connection c, long branchId, boolean commit, DelayedRows delayed) throws SQLException {
        Set<String> destinations = new LinkedHashSet<>();
        long now = clock.now();
        try (PreparedStatement ps = c.prepareStatement(destinationsOfBranch)) {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setLong(3, branchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String destination = rs.getString(1);
                    destinations.add(destination);
                    long first = rs.getLong(2);
                    if (commit && !rs.wasNull()) {
                        delayed.add(destination, first);
                        delayed.add(destination, rs.getLong(3));
                    }
                }
            }
        }
        Optional<String> commitAsSender = db.dialect.commitPreparedSends(db.tables);
        if (commit && commitAsSender.isPresent()) {
            // Row-level security: a ready row is no longer the sender's to see, so the state
            // change runs in the database's definer function (for the rows the caller may send to).
            try (PreparedStatement ps = c.prepareStatement(commitAsSender.get())) {
                ps.setLong(1, branchId);
                ps.executeQuery().close();
            }
        } else {
            update(c, commit ? commitSends : rollbackSends, branchId);
        }
        update(c, commit ? commitAcks : rollbackAcks, branchId);
        if (!commit) {
            duplicates.deleteOfBranch(c, branchId);
        }
        // After a commit the ids keep their (unique, never reused) branch id: harmless, and it
        // spares an update per id.
        return destinations;
    }

    private void insertSends(Connection c, List<NewMessage> sends, long branchId, long now) throws SQLException {
        if (sends.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(insertSend)) {
            for (NewMessage m : sends) {
                Sql.bindNewRow(ps, ids.next(c), m, now);
                ps.setLong(11, branchId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Tags the rows the fan-out just inserted (body ids among the ids match no delivery row). */
    private void tagPublished(Connection c, List<Long> inserted, long branchId) throws SQLException {
        if (inserted.isEmpty()) {
            return;
        }
        Optional<String> asPublisher = db.dialect.tagPublished(db.tables);
        if (asPublisher.isPresent()) {
            // Row-level security: a publisher may insert subscription copies it may not update.
            try (PreparedStatement ps = c.prepareStatement(asPublisher.get())) {
                ps.setLong(1, branchId);
                ps.setArray(2, c.createArrayOf("bigint", inserted.toArray()));
                ps.executeQuery().close();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(tagPublished)) {
            for (long id : inserted) {
                ps.setLong(1, branchId);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Moves the acknowledged rows under the branch; false when one is no longer held. */
    private boolean holdAcks(Connection c, List<Ack> acks, long branchId) throws SQLException {
        if (acks.isEmpty()) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement(holdAck)) {
            return Sql.everyAckMatched(ps, acks, clientId, 2, row -> row.setLong(1, branchId));
        }
    }

    private static void bindXid(PreparedStatement ps, int first, XaId xid) throws SQLException {
        ps.setInt(first, xid.formatId());
        ps.setBytes(first + 1, xid.gtrid());
        ps.setBytes(first + 2, xid.bqual());
    }

    private static int update(Connection c, String sql, long branchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, branchId);
            return ps.executeUpdate();
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        return SqlErrors.isUniqueViolation(e);
    }
}
