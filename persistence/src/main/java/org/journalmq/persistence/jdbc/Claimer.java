package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.journalmq.persistence.BrowsePosition;
import org.journalmq.persistence.ClaimRequest;
import org.journalmq.persistence.ClaimResult;
import org.journalmq.persistence.StoredMessage;

/**
 * Claims ready rows as leases. With SKIP LOCKED (PostgreSQL) a claim is one statement. Without it
 * (HSQLDB) the claim reads candidates and takes each with a conditional UPDATE checked by its update
 * count, so two claimers can never both win a row; claims of one destination are serialised inside
 * the JVM because racing for the same head rows would only produce conflicts.
 */
final class Claimer {
    static final Comparator<StoredMessage> DELIVERY_ORDER =
            Comparator.comparingInt(StoredMessage::priority).reversed().thenComparingLong(StoredMessage::id);

    /** Rows a filtered claim examines at most per call; the caller resumes where it stopped. */
    private static final int FILTER_SCAN_LIMIT = 2_000;
    /** Rows a receiver's scan reads at most per fetch; it runs outside the writer, so it may read more. */
    private static final int RECEIVER_SCAN_LIMIT = 20_000;
    private static final int MAX_PAGE = 2_000;
    private static final int ROUNDS = 3;
    private static final ReentrantLock[] STRIPES = new ReentrantLock[256];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new ReentrantLock();
        }
    }

    private final Database db;
    private final JournalClock clock;
    private final String clientId;
    private final long leaseMillis;
    private final String databaseKey;
    private final Optional<String> skipLocked;

    Claimer(Database db, JournalClock clock, String clientId, long leaseMillis, String databaseKey) {
        this.db = db;
        this.clock = clock;
        this.clientId = clientId;
        this.leaseMillis = leaseMillis;
        this.databaseKey = databaseKey;
        this.skipLocked = db.dialect.skipLockedClaim(db.tables);
    }

    List<StoredMessage> claim(ClaimRequest request) {
        if (request.filter() != null) {
            return claimScan(request).claimed();
        }
        if (skipLocked.isPresent()) {
            return db.transaction("claim", c -> claimSkippingLocked(db.relaxCommit(c), request));
        }
        return locked(request, () -> db.transaction("claim", c -> claimOptimistically(db.relaxCommit(c), request)));
    }

    /**
     * An unfiltered claim inside a transaction the caller commits (the group writer's): no
     * in-JVM lock is needed there, since the writer's single thread runs these one at a time.
     */
    List<StoredMessage> claimIn(Connection c, ClaimRequest request) throws SQLException {
        return skipLocked.isPresent() ? claimSkippingLocked(c, request) : claimOptimistically(c, request);
    }

    /** A filtered claim that resumes where the previous one of this consumer stopped. */
    ClaimResult claimScan(ClaimRequest request) {
        if (request.filter() == null) {
            throw new IllegalArgumentException("claimScan needs a filter");
        }
        return locked(request, () -> db.transaction("claim", c -> claimFiltered(db.relaxCommit(c), request)));
    }

    /** Runs a claim under the in-JVM lock of its destination where claims are optimistic (HSQLDB). */
    private <T> T locked(ClaimRequest request, java.util.function.Supplier<T> claim) {
        ReentrantLock lock = skipLocked.isPresent() ? null : stripe(request.destination());
        if (lock != null) {
            lock.lock();
        }
        try {
            return claim.get();
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    private List<StoredMessage> claimSkippingLocked(Connection c, ClaimRequest request) throws SQLException {
        long now = clock.now();
        List<StoredMessage> claimed = new ArrayList<>(request.max());
        try (PreparedStatement ps = c.prepareStatement(skipLocked.get())) {
            ps.setString(1, clientId);
            ps.setLong(2, now + leaseMillis);
            ps.setString(3, request.destination());
            ps.setLong(4, now);
            ps.setLong(5, now);
            ps.setInt(6, request.max());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(Sql.message(rs));
                }
            }
        }
        claimed.sort(DELIVERY_ORDER); // RETURNING gives no order
        return claimed;
    }

    private List<StoredMessage> claimOptimistically(Connection c, ClaimRequest request) throws SQLException {
        long now = clock.now();
        List<StoredMessage> won = new ArrayList<>(request.max());
        // Another JVM (HSQLDB server mode) may take some candidates first; read again a few times.
        for (int round = 0; round < ROUNDS && won.size() < request.max(); round++) {
            int wanted = request.max() - won.size();
            List<StoredMessage> candidates = readyPage(db, c, request.destination(), 0, 9, null, wanted, now);
            List<StoredMessage> taken = take(c, candidates, now);
            won.addAll(taken);
            if (candidates.size() < wanted && taken.size() == candidates.size()) {
                break; // read every ready row and won them all
            }
        }
        won.sort(DELIVERY_ORDER);
        return won;
    }

    /**
     * Scans ready rows in delivery order from the request's resume position, claiming those the
     * filter accepts. Stops after {@link #FILTER_SCAN_LIMIT} rows and says where, so the caller's
     * next call goes on from there; rows rejected before that position are not read again until a
     * scan reaches the end and the next one starts over.
     */
    private ClaimResult claimFiltered(Connection c, ClaimRequest request) throws SQLException {
        Scan scan = scanIn(c, request, FILTER_SCAN_LIMIT);
        List<StoredMessage> won = take(c, scan.candidates(), clock.now());
        won.sort(DELIVERY_ORDER);
        return new ClaimResult(won, scan.reachedEnd() ? null : scan.position());
    }

    /** Candidates of a filtered fetch, read without claiming; see {@link #scan}. */
    record Scan(List<StoredMessage> candidates, BrowsePosition position, boolean reachedEnd) {
    }

    /**
     * Reads ready rows in delivery order from the request's resume position and keeps up to
     * {@code max} that the filter accepts, in a transaction of its own; claims nothing (the writer
     * takes the candidates with {@link #takeIn} inside its group transaction).
     */
    Scan scan(ClaimRequest request) {
        return db.transaction("scan", c -> scanIn(c, request, RECEIVER_SCAN_LIMIT));
    }

    /**
     * The scan of a filtered claim or fetch: pages of ready rows in delivery order from the
     * request's resume position, up to {@code limit} rows read. The filter sees each row as it would
     * be delivered, with this claim counted; pages grow while nothing matches (deep in a backlog of
     * rows for other consumers).
     */
    private Scan scanIn(Connection c, ClaimRequest request, int limit) throws SQLException {
        long now = clock.now();
        Predicate<StoredMessage> filter = request.filter();
        int pageSize = Math.min(500, Math.max(100, request.max() * 2));
        List<StoredMessage> matching = new ArrayList<>();
        BrowsePosition position = request.resumeAfter();
        int scanned = 0;
        while (scanned < limit) {
            List<StoredMessage> page = readyPage(db, c, request.destination(), request.minPriority(),
                    request.maxPriority(), position, pageSize, now);
            for (StoredMessage m : page) {
                scanned++;
                position = BrowsePosition.after(m);
                if (filter == null || filter.test(withCount(m, m.deliveryCount() + 1))) {
                    matching.add(m);
                    if (matching.size() == request.max()) {
                        return new Scan(matching, position, false);
                    }
                }
            }
            if (page.size() < pageSize) {
                return new Scan(matching, position, true);
            }
            if (matching.isEmpty()) {
                pageSize = Math.min(MAX_PAGE, pageSize * 2);
            }
        }
        return new Scan(matching, position, false);
    }

    /** The earliest deliver-at of a ready row of the destination that is not due yet, or 0 when none. */
    long earliestDelayed(String destination) {
        return db.transaction("scan", c -> {
            try (PreparedStatement ps = c.prepareStatement(db.sql.earliestDelayed)) {
                ps.setString(1, destination);
                ps.setLong(2, clock.now());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** Claims candidates read by {@link #scan} inside the caller's transaction; those won, in delivery order. */
    List<StoredMessage> takeIn(Connection c, List<StoredMessage> candidates) throws SQLException {
        List<StoredMessage> won = take(c, candidates, clock.now());
        won.sort(DELIVERY_ORDER);
        return won;
    }

    /** Conditionally claims the rows; returns those won, with their new delivery count. */
    private List<StoredMessage> take(Connection c, List<StoredMessage> rows, long now) throws SQLException {
        if (rows.isEmpty()) {
            return new ArrayList<>(); // callers sort the result in place
        }
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(db.sql.claimById)) {
            for (StoredMessage m : rows) {
                ps.setString(1, clientId);
                ps.setLong(2, now + leaseMillis);
                ps.setLong(3, m.id());
                ps.setInt(4, m.deliveryCount());
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        List<StoredMessage> won = new ArrayList<>(rows.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                StoredMessage m = rows.get(i);
                won.add(withCount(m, m.deliveryCount() + 1));
            }
        }
        return won;
    }

    /**
     * Ready, unexpired rows of priorities minPriority..maxPriority in delivery order after a
     * position (null: from the start): the rest of the position's priority, then lower priorities.
     */
    static List<StoredMessage> readyPage(Database db, Connection c, String destination, int minPriority,
                                         int maxPriority, BrowsePosition after, int limit, long now)
            throws SQLException {
        int minRank = 9 - maxPriority;
        int maxRank = 9 - minPriority;
        List<StoredMessage> rows = new ArrayList<>(Math.min(limit, 256));
        if (after == null) {
            query(c, db.sql.candidates, destination, now, minRank, maxRank, limit, rows);
            return rows;
        }
        int rank = 9 - after.priority();
        if (rank >= minRank && rank <= maxRank) {
            query(c, db.sql.candidatesSameRank, destination, now, rank, after.id(), limit, rows);
        }
        if (rows.size() < limit) {
            query(c, db.sql.candidatesLaterRanks, destination, now, Math.max(rank, minRank - 1), maxRank,
                    limit - rows.size(), rows);
        }
        return rows;
    }

    /** Runs one candidate query: destination, now, now, then two range values, then the limit. */
    private static void query(Connection c, String sql, String destination, long now, long first, long second,
                              int limit, List<StoredMessage> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, destination);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setLong(4, first);
            ps.setLong(5, second);
            ps.setInt(6, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(Sql.message(rs));
                }
            }
        }
    }

    static StoredMessage withCount(StoredMessage m, int count) {
        return new StoredMessage(m.id(), m.destination(), m.priority(), m.deliverAt(), m.expiresAt(), count,
                m.createdAt(), m.groupId(), m.data(), m.origin(), m.expiredAt());
    }

    private ReentrantLock stripe(String destination) {
        int hash = (databaseKey + '\u0000' + destination).hashCode();
        return STRIPES[Math.floorMod(hash, STRIPES.length)];
    }
}
