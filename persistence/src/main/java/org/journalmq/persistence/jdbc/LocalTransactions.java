package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.Publication;
import org.journalmq.persistence.UnitOfWork;

/**
 * Units of work applied in the caller's own JDBC transaction (issue 6, item 4): the same rows the
 * {@link GroupWriter} writes, but on a connection the application controls, on the calling thread,
 * without committing. The journal's writer thread and pool take no part, so an application
 * transaction that stays open long holds nothing of the journal but the rows it wrote itself.
 *
 * <p>Which database a connection reaches is decided by a fact only that database holds: this
 * journal's own row in CLIENT (a random id, committed at open). A connection that sees it reaches
 * the same database and the same tables (prefix and schema) as the journal.
 */
final class LocalTransactions {
    private final Database db;
    private final IdAllocator ids;
    private final JournalClock clock;
    private final String clientId;
    private final String clientTable;
    private final String ownClientRow;
    private final DuplicateIds duplicates;
    /**
     * The rows not due yet that the open transaction of each connection wrote (JMS 3.1 §7.9): its
     * commit through {@link #commit} announces them to this JVM's receivers, as a group commit does
     * (NOTIFY tells other JVMs). Weak keys: a transaction the application ends by itself leaves
     * nothing behind for long, and at worst a later commit of that connection wakes receivers once
     * for nothing.
     */
    private final Map<Connection, DelayedRows> delayedByConnection =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    LocalTransactions(Database db, IdAllocator ids, JournalClock clock, String clientId, DuplicateIds duplicates) {
        this.db = db;
        this.duplicates = duplicates;
        this.ids = ids;
        this.clock = clock;
        this.clientId = clientId;
        this.clientTable = db.tables.client();
        this.ownClientRow = "SELECT COUNT(*) FROM " + clientTable + " WHERE client_id = ?";
    }

    /**
     * Checks that a connection can carry journal work: open, not in auto-commit, reaching this
     * journal's database and tables. The table's existence is looked up in the metadata first,
     * because a failing statement would abort the caller's transaction on PostgreSQL.
     */
    void check(Connection c) {
        usable(c);
        try {
            DatabaseMetaData md = c.getMetaData();
            String table = md.storesLowerCaseIdentifiers() ? clientTable.toLowerCase(Locale.ROOT)
                    : md.storesUpperCaseIdentifiers() ? clientTable.toUpperCase(Locale.ROOT) : clientTable;
            boolean found;
            try (ResultSet rs = md.getTables(null, null, table.replace("_", md.getSearchStringEscape() + "_"),
                    null)) {
                found = rs.next();
            }
            if (!found) {
                throw otherDatabase(c, "it has no table " + clientTable);
            }
            sameJournal(c);
        } catch (SQLException e) {
            throw SqlErrors.wrap("check of the application's connection", e, db.url);
        }
    }

    /**
     * Writes the unit's sends, publications and acks on the caller's connection and leaves the
     * transaction open.
     *
     * @return the addresses rows were written to, or where a grouped row was acknowledged, for the
     *         wake-up after the caller's commit
     * @throws JournalException LEASE_LOST when an ack matches no row this client holds (the caller
     *                          must roll back: part of the unit may be written); INVALID_ARGUMENT
     *                          for an unusable connection or one to another database
     */
    Set<String> apply(Connection c, UnitOfWork work) {
        usable(c);
        Validation.unit(work);
        try {
            sameJournal(c);
            long now = clock.now();
            Set<String> addresses = new LinkedHashSet<>();
            DelayedRows delayed = DelayedRows.none();
            // The ids are recorded in the application's transaction: its rollback forgets them.
            Set<NewMessage> suppressed = duplicates.suppressed(c, DuplicateIds.messagesOf(work), now, null);
            insert(c, work, now, addresses, suppressed, delayed);
            List<Publication> publications = work.publications().stream()
                    .filter(p -> !suppressed.contains(p.message())).toList();
            if (!publications.isEmpty()) {
                // A Fanout of its own per call: the writer's one caches per thread, and this runs
                // on application threads. Without the cache it reads the subscriptions each time.
                addresses.addAll(new Fanout(db, new TopicSql(db.dialect, db.tables))
                        .apply(c, publications, ids, now, delayed));
            }
            // Counted when written: whether the application commits is its own affair.
            duplicates.report(suppressed);
            deleteAcked(c, work);
            for (Ack a : work.acks()) {
                if (a.groupId() != null && a.destination() != null) {
                    // The ack may free its message group for a consumer that waits there: wake them.
                    addresses.add(a.destination());
                }
            }
            // Other JVMs hear of the rows when the application's transaction commits (NOTIFY is transactional).
            db.notifier.notify(c, addresses, delayed);
            if (!delayed.isEmpty()) {
                delayedByConnection.computeIfAbsent(c, k -> DelayedRows.none()).addAll(delayed);
            }
            return addresses;
        } catch (SQLException e) {
            throw SqlErrors.wrap("write in the application's transaction", e, db.url);
        }
    }

    /**
     * Commits the caller's connection.
     *
     * @return the rows not due yet the transaction wrote, for this JVM's timers
     */
    DelayedRows commit(Connection c) {
        DelayedRows delayed = delayedByConnection.remove(c);
        try {
            c.commit();
            return delayed == null ? DelayedRows.none() : delayed;
        } catch (SQLException e) {
            throw SqlErrors.wrap("commit of the application's transaction", e, db.url);
        }
    }

    /** Rolls the caller's connection back. */
    void rollback(Connection c) {
        delayedByConnection.remove(c);
        try {
            if (c.isClosed()) {
                return; // closing it ended the transaction
            }
            c.rollback();
        } catch (SQLException e) {
            throw SqlErrors.wrap("rollback of the application's transaction", e, db.url);
        }
    }

    private void insert(Connection c, UnitOfWork work, long now, Set<String> addresses, Set<NewMessage> suppressed,
                        DelayedRows delayed) throws SQLException {
        List<NewMessage> sends = work.sends().stream().filter(m -> !suppressed.contains(m)).toList();
        if (sends.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(db.sql.insert)) {
            for (NewMessage m : sends) {
                Sql.bindNewRow(ps, ids.next(c), m, now);
                ps.addBatch();
                addresses.add(m.destination());
                if (m.deliverAt() > now) {
                    delayed.add(m.destination(), m.deliverAt());
                }
            }
            ps.executeBatch();
        }
    }

    private void deleteAcked(Connection c, UnitOfWork work) throws SQLException {
        if (work.acks().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(db.sql.ack)) {
            if (!Sql.everyAckMatched(ps, work.acks(), clientId, 1, ps1 -> { })) {
                throw new JournalException(Kind.LEASE_LOST, "an ack names a row this client no longer holds"
                        + " with that delivery count (lease expired or message gone); roll the transaction back");
            }
        }
    }

    private void sameJournal(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ownClientRow)) {
            ps.setString(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw otherDatabase(c, "it does not see journal client " + clientId + " in " + clientTable
                            + " (another database or schema, or this client was declared dead)");
                }
            }
        }
    }

    private static void usable(Connection c) {
        if (c == null) {
            throw new JournalException(Kind.INVALID_ARGUMENT, "the application's JDBC connection is null");
        }
        try {
            if (c.isClosed()) {
                throw new JournalException(Kind.INVALID_ARGUMENT, "the application's JDBC connection is closed");
            }
            if (c.getAutoCommit()) {
                throw new JournalException(Kind.INVALID_ARGUMENT, "the application's JDBC connection is in"
                        + " auto-commit mode: call setAutoCommit(false) so that its work and the messages"
                        + " commit together");
            }
        } catch (SQLException e) {
            throw new JournalException(Kind.INVALID_ARGUMENT, "the application's JDBC connection is unusable: "
                    + SqlErrors.safeUrl(e.getMessage()), e);
        }
    }

    private JournalException otherDatabase(Connection c, String why) {
        String where;
        try {
            where = SqlErrors.safeUrl(c.getMetaData().getURL());
        } catch (SQLException e) {
            where = "(URL unknown)";
        }
        return new JournalException(Kind.INVALID_ARGUMENT, "the application's JDBC connection to " + where
                + " does not reach the journal's database " + SqlErrors.safeUrl(db.url) + ": " + why);
    }
}
