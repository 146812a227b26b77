package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.Publication;
import org.journalmq.persistence.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Duplicate detection on send (issue 16, migration 6). Before a message with a duplicate id is
 * written, its id is recorded in DUPLICATE_ID in the same transaction, by a statement that reports
 * a known id as "0 rows" instead of failing ({@code ON CONFLICT} on PostgreSQL, {@code MERGE} on
 * HSQLDB): a duplicate must not abort a group commit that carries other sessions' work. Its
 * message is then neither written nor handed to a waiting consumer, and its send succeeds.
 *
 * <p>Every writer of new rows asks here (group commit, local transactions, XA prepare), so a
 * duplicate is found whichever path sent the first copy. Ids expire after the journal's window;
 * an expired id counts as new (the statement restarts its window) even before maintenance
 * deletes it, so the window does not depend on when maintenance runs.
 */
final class DuplicateIds {
    private static final Logger LOG = LoggerFactory.getLogger(DuplicateIds.class);

    private final String admit;
    private final String deleteExpired;
    private final String deleteOfBranch;
    private final long windowMillis;
    private final Traffic traffic;

    DuplicateIds(Database db, long windowMillis, Traffic traffic) {
        this.admit = db.dialect.admitDuplicateId(db.tables);
        String d = db.tables.duplicateId();
        this.deleteExpired = "DELETE FROM " + d + " WHERE expires_at <= ?";
        this.deleteOfBranch = "DELETE FROM " + d + " WHERE xa_branch = ?";
        this.windowMillis = windowMillis;
        this.traffic = traffic;
    }

    /**
     * Records the duplicate ids of {@code messages} and returns the messages whose id is known
     * within its window (by identity; messages without an id are never among them). A message
     * whose id appears twice in the list is a duplicate the second time.
     *
     * @param xaBranch the prepared branch recording the ids, or null
     * @throws SQLException with SQLState 40001 (retryable) when a concurrent transaction inserted the
     *                      same id and the database reported the clash as a key violation instead
     *                      of waiting: the retry then finds the committed id
     */
    Set<NewMessage> suppressed(Connection c, List<NewMessage> messages, long now, Long xaBranch)
            throws SQLException {
        // In key order (stable, so the first of two equal ids in the list wins): transactions that
        // record overlapping ids then lock them in the same order and do not deadlock each other.
        List<NewMessage> keyed = messages.stream().filter(m -> m.duplicateId() != null)
                .sorted(Comparator.comparing(NewMessage::destination).thenComparing(NewMessage::duplicateId))
                .toList();
        if (keyed.isEmpty()) {
            return Set.of();
        }
        Set<NewMessage> suppressed = Collections.newSetFromMap(new IdentityHashMap<>());
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(admit)) {
            for (NewMessage m : keyed) {
                ps.setString(1, m.destination());
                ps.setString(2, m.duplicateId());
                ps.setLong(3, now);
                ps.setLong(4, now + windowMillis);
                if (xaBranch == null) {
                    ps.setNull(5, Types.BIGINT);
                } else {
                    ps.setLong(5, xaBranch);
                }
                ps.setLong(6, now);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new SQLTransactionRollbackException("a concurrent transaction recorded the same duplicate id",
                        "40001", e);
            }
            throw e;
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                suppressed.add(keyed.get(i));
            }
        }
        return suppressed;
    }

    /** The messages a unit writes: its sends, then its publications' messages. */
    static List<NewMessage> messagesOf(UnitOfWork work) {
        List<NewMessage> messages = new ArrayList<>(work.sends());
        for (Publication p : work.publications()) {
            messages.add(p.message());
        }
        return messages;
    }

    /** The messages of {@code work} among {@code suppressed} (by identity). */
    static Set<NewMessage> suppressedOf(UnitOfWork work, Set<NewMessage> suppressed) {
        if (suppressed.isEmpty()) {
            return Set.of();
        }
        Set<NewMessage> own = Collections.newSetFromMap(new IdentityHashMap<>());
        for (NewMessage m : messagesOf(work)) {
            if (suppressed.contains(m)) {
                own.add(m);
            }
        }
        return own;
    }

    /** Counts and logs duplicates whose transaction committed (or, for local transactions, was written). */
    void report(Collection<NewMessage> suppressed) {
        for (NewMessage m : suppressed) {
            traffic.duplicate(m.destination());
            LOG.debug("JMQ1019 duplicate send suppressed: id {} is known on {} within the window of {} ms",
                    m.duplicateId(), m.destination(), windowMillis);
        }
    }

    /** Deletes the ids whose window ended (maintenance); returns how many. */
    int deleteExpired(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(deleteExpired)) {
            ps.setLong(1, now);
            return ps.executeUpdate();
        }
    }

    /** Takes back the ids a prepared branch recorded, as its rollback takes back its sends. */
    void deleteOfBranch(Connection c, long branchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(deleteOfBranch)) {
            ps.setLong(1, branchId);
            ps.executeUpdate();
        }
    }

    /** A key violation anywhere in the chain: a batch failure carries it as cause or next exception. */
    private static boolean isUniqueViolation(SQLException e) {
        return SqlErrors.isUniqueViolation(e);
    }
}
