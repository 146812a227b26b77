package org.journalmq.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.UnitOfWork;

/**
 * The dead-letter move through the dialect's {@link org.journalmq.persistence.dialect.Dialect#deadLetter}
 * query (issue 15 item 1): under PostgreSQL's row-level security the consumer would need send on the
 * dead-letter queue to insert the copy itself, and without it every attempt was refused and the
 * message retried forever. One transaction of its own, not the group commit: the move is rare, and
 * the definer function does the delete and the insert the writer would have done.
 *
 * <p>Safe to run again after a commit whose outcome is unknown: the row is taken by its claim token,
 * so a second run after a commit that did happen finds nothing (LEASE_LOST, which the caller reads
 * as "no longer mine") and writes no second copy.
 */
final class DeadLetterMoves {
    private final Database db;
    private final String query;
    private final IdAllocator ids;
    private final JournalClock clock;
    private final String clientId;
    private final Traffic traffic;
    private final Consumer<Set<String>> wake;

    DeadLetterMoves(Database db, String query, IdAllocator ids, JournalClock clock, String clientId, Traffic traffic,
                    Consumer<Set<String>> wake) {
        this.db = db;
        this.query = query;
        this.ids = ids;
        this.clock = clock;
        this.clientId = clientId;
        this.traffic = traffic;
        this.wake = wake;
    }

    void move(Ack held, NewMessage copy) {
        String what = "dead-letter move from " + (held.destination() == null ? "a destination" : held.destination())
                + " to " + copy.destination();
        Set<String> ready = db.transaction(what, c -> {
            long now = clock.now();
            long id = ids.next(c);
            boolean moved;
            try (PreparedStatement ps = c.prepareStatement(query)) {
                ps.setLong(1, held.id());
                ps.setString(2, clientId);
                ps.setInt(3, held.deliveryCount());
                ps.setLong(4, id);
                ps.setString(5, copy.destination());
                ps.setInt(6, copy.priority());
                ps.setLong(7, copy.deliverAt());
                ps.setLong(8, copy.expiresAt());
                ps.setString(9, copy.groupId());
                ps.setLong(10, now);
                ps.setBytes(11, copy.data());
                ps.setString(12, copy.expiryAddress());
                try (ResultSet rs = ps.executeQuery()) {
                    moved = rs.next() && rs.getBoolean(1);
                }
            }
            if (!moved) {
                // Thrown inside the transaction: it is rolled back, though nothing was written.
                throw new JournalException(Kind.LEASE_LOST, what + ": the message is no longer held by this"
                        + " client with that delivery count (lease expired or message gone); nothing was moved");
            }
            Set<String> touched = new LinkedHashSet<>();
            boolean due = copy.deliverAt() <= now;
            if (due) {
                touched.add(copy.destination());
            }
            if (held.groupId() != null && held.destination() != null) {
                // As after an ack: the group may be free now, and its next row another consumer's.
                touched.addAll(FreedGroups.find(c, db.sql, List.of(List.of(held.destination(), held.groupId()))));
            }
            db.notifier.notify(c, touched, due ? DelayedRows.none() : DelayedRows.of(copy.destination(), copy.deliverAt()));
            return touched;
        });
        traffic.committed(new UnitOfWork(List.of(copy), List.of(held)), Set.of());
        if (!ready.isEmpty()) {
            wake.accept(ready);
        }
    }

    /** Whether a copy may take this path: a queue address, and no duplicate id (the function records none). */
    static void check(NewMessage copy) {
        String d = copy.destination();
        if (d.length() < 3 || !d.startsWith("Q:")) {
            throw new JournalException(Kind.INVALID_ARGUMENT, "dead-letter address is not a queue: " + d);
        }
        if (copy.duplicateId() != null) {
            throw new JournalException(Kind.INVALID_ARGUMENT, "a dead-letter copy for " + d
                    + " carries no duplicate id");
        }
    }
}
