package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.journalmq.persistence.BrowsePosition;
import org.journalmq.persistence.ClaimRequest;
import org.journalmq.persistence.ClaimResult;
import org.journalmq.persistence.StoredMessage;

/**
 * Claims ready rows as leases. With SKIP LOCKED (PostgreSQL) a claim is one statement; MariaDB,
 * without UPDATE ... RETURNING, locks the rows with a SELECT ... SKIP LOCKED and takes them by id in
 * the same transaction, which nobody else can then contend for. Without SKIP LOCKED
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
    private final Optional<String> skipLockedSelect;
    /** True when claims pass over rows other transactions hold, so they need no in-JVM lock. */
    private final boolean skips;
    private final AtomicLong claimants = new AtomicLong();

    Claimer(Database db, JournalClock clock, String clientId, long leaseMillis, String databaseKey) {
        this.db = db;
        this.clock = clock;
        this.clientId = clientId;
        this.leaseMillis = leaseMillis;
        this.databaseKey = databaseKey;
        this.skipLocked = db.dialect.skipLockedClaim(db.tables);
        this.skipLockedSelect = skipLocked.isPresent() ? Optional.empty() : db.dialect.skipLockedSelect(db.tables);
        this.skips = skipLocked.isPresent() || skipLockedSelect.isPresent();
    }

    List<StoredMessage> claim(ClaimRequest request) {
        if (request.filter() != null) {
            return claimScan(request).claimed();
        }
        if (skips) {
            return db.transaction("claim", c -> claimSkippingLocked(db.relaxCommit(c), request));
        }
        return locked(request, () -> db.transaction("claim", c -> claimOptimistically(db.relaxCommit(c), request)));
    }

    /**
     * An unfiltered claim inside a transaction the caller commits (the group writer's): no
     * in-JVM lock is needed there, since the writer's single thread runs these one at a time.
     */
    List<StoredMessage> claimIn(Connection c, ClaimRequest request) throws SQLException {
        return skips ? claimSkippingLocked(c, request) : claimOptimistically(c, request);
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
        ReentrantLock lock = skips ? null : stripe(request.destination());
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
        if (skipLocked.isEmpty()) {
            return selectThenTake(c, request);
        }
        long now = clock.now();
        List<StoredMessage> claimed = new ArrayList<>(request.max());
        try (PreparedStatement ps = c.prepareStatement(skipLocked.get())) {
            String claimant = claimant(request);
            ps.setString(1, clientId);
            ps.setString(2, claimant);
            ps.setLong(3, now + leaseMillis);
            ps.setString(4, request.destination());
            ps.setLong(5, now);
            ps.setLong(6, now);
            ps.setString(7, claimant);
            ps.setLong(8, now);
            ps.setInt(9, request.max());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(Sql.message(rs));
                }
            }
        }
        claimed.sort(DELIVERY_ORDER); // RETURNING gives no order
        return claimed;
    }

    /**
     * The two-statement claim: lock the ready head (skipping held rows), then take each locked row
     * by id. The take re-checks the group rule, which another claim may have changed since the
     * select read it; a row it refuses stays ready (its lock ends at commit).
     */
    private List<StoredMessage> selectThenTake(Connection c, ClaimRequest request) throws SQLException {
        long now = clock.now();
        String claimant = claimant(request);
        List<StoredMessage> locked = new ArrayList<>(request.max());
        try (PreparedStatement ps = c.prepareStatement(skipLockedSelect.get())) {
            ps.setString(1, request.destination());
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setString(4, claimant);
            ps.setLong(5, now);
            ps.setInt(6, request.max());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    locked.add(Sql.message(rs));
                }
            }
        }
        List<StoredMessage> won = take(c, locked, now, claimant);
        won.sort(DELIVERY_ORDER);
        return won;
    }

    private List<StoredMessage> claimOptimistically(Connection c, ClaimRequest request) throws SQLException {
        long now = clock.now();
        List<StoredMessage> won = new ArrayList<>(request.max());
        // Another JVM (HSQLDB server mode) may take some candidates first; read again a few times.
        for (int round = 0; round < ROUNDS && won.size() < request.max(); round++) {
            int wanted = request.max() - won.size();
            List<StoredMessage> candidates = readyPage(db, c, request.destination(), 0, 9, null, wanted, now,
                    claimant(request));
            List<StoredMessage> taken = take(c, candidates, now, claimant(request));
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
        List<StoredMessage> won = take(c, scan.candidates(), clock.now(), claimant(request));
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
                    request.maxPriority(), position, pageSize, now, claimant(request));
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

    /** The earliest deliver-at later than {@code after} of a waiting row of the destination, or 0 when none. */
    long earliestDelayed(String destination, long after) {
        return db.transaction("scan", c -> {
            try (PreparedStatement ps = c.prepareStatement(db.sql.earliestDelayed)) {
                ps.setString(1, destination);
                ps.setLong(2, after);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /**
     * Claims candidates read by {@link #scan} for {@code claimant} (null: this client) inside the
     * caller's transaction; those won, in delivery order.
     */
    List<StoredMessage> takeIn(Connection c, List<StoredMessage> candidates, String claimant) throws SQLException {
        List<StoredMessage> won = take(c, candidates, clock.now(), claimant == null ? clientId : claimant);
        won.sort(DELIVERY_ORDER);
        return won;
    }

    /** Conditionally claims the rows; returns those won, with their new delivery count. */
    private List<StoredMessage> take(Connection c, List<StoredMessage> rows, long now, String claimant)
            throws SQLException {
        if (rows.isEmpty()) {
            return new ArrayList<>(); // callers sort the result in place
        }
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(db.sql.claimById)) {
            for (StoredMessage m : rows) {
                ps.setString(1, clientId);
                ps.setString(2, claimant);
                ps.setLong(3, now + leaseMillis);
                ps.setLong(4, m.id());
                ps.setInt(5, m.deliveryCount());
                ps.setString(6, claimant);
                ps.setLong(7, now);
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
     * With a {@code claimant}, only grouped rows whose turn it is for that claimant (a claim's
     * candidates, see {@code Tables#groupTurn}); null: every ready row (a browse).
     */
    static List<StoredMessage> readyPage(Database db, Connection c, String destination, int minPriority,
                                         int maxPriority, BrowsePosition after, int limit, long now,
                                         String claimant)
            throws SQLException {
        Sql sql = db.sql;
        boolean claim = claimant != null;
        int minRank = 9 - maxPriority;
        int maxRank = 9 - minPriority;
        List<StoredMessage> rows = new ArrayList<>(Math.min(limit, 256));
        if (after == null) {
            query(c, claim ? sql.claimCandidates : sql.candidates, destination, now, minRank, maxRank, claimant,
                    limit, rows);
            return rows;
        }
        int rank = 9 - after.priority();
        if (rank >= minRank && rank <= maxRank) {
            query(c, claim ? sql.claimCandidatesSameRank : sql.candidatesSameRank, destination, now, rank,
                    after.id(), claimant, limit, rows);
        }
        if (rows.size() < limit) {
            query(c, claim ? sql.claimCandidatesLaterRanks : sql.candidatesLaterRanks, destination, now,
                    Math.max(rank, minRank - 1), maxRank, claimant, limit - rows.size(), rows);
        }
        return rows;
    }

    /**
     * Runs one candidate query: destination, now, now, then two range values, then (a claim's
     * query, claimant not null) claimant and now, then the limit.
     */
    private static void query(Connection c, String sql, String destination, long now, long first, long second,
                              String claimant, int limit, List<StoredMessage> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, destination);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setLong(4, first);
            ps.setLong(5, second);
            int next = 6;
            if (claimant != null) {
                ps.setString(next++, claimant);
                ps.setLong(next++, now);
            }
            ps.setInt(next, limit);
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

    /**
     * A claimant id for a new receiver: unique in the journal (this client's id, then a number), so
     * that two consumers of one JVM never share a message group.
     */
    String newClaimant() {
        return clientId + "/" + claimants.incrementAndGet();
    }

    /** Who claims for message groups: the request's consumer, or this client as a whole. */
    private String claimant(ClaimRequest request) {
        return request.claimant() == null ? clientId : request.claimant();
    }

    private ReentrantLock stripe(String destination) {
        int hash = (databaseKey + '\u0000' + destination).hashCode();
        return STRIPES[Math.floorMod(hash, STRIPES.length)];
    }

    /**
     * A receiver's fetch inside the group writer's transaction. A filtered fetch's scan ran before
     * that transaction, so it has not seen the rows this very group made ready on its address, and
     * nobody offered them to it: then it must not wait but scan again.
     */
    org.journalmq.persistence.Receiver.Fetched fetchIn(Connection c, GroupWriter.FetchOp op,
            java.util.Set<String> readyNow) throws SQLException {
        if (op.claim() != null) {
            List<StoredMessage> rows = claimIn(c, op.claim());
            return new org.journalmq.persistence.Receiver.Fetched(rows, rows.isEmpty() && op.mayWait(), false);
        }
        List<StoredMessage> rows = op.candidates().isEmpty() ? List.of()
                : takeIn(c, op.candidates(), op.receiver().claimant);
        boolean unseen = readyNow.contains(op.receiver().address);
        boolean scanDone = op.mayWait() && !unseen;
        return new org.journalmq.persistence.Receiver.Fetched(rows, scanDone && op.candidates().isEmpty(),
                !scanDone || rows.size() < op.candidates().size());
    }
}
