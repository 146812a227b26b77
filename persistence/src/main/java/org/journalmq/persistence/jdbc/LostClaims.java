package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.journalmq.persistence.Receiver;
import org.journalmq.persistence.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases that a group transaction may have taken although its commit call failed (issue 13): the
 * rows its claims took and the rows it inserted already leased for a hand-off. Whether that commit
 * went through is either unknown or not worth a probe; if it did, the rows are leased to this
 * client for a delivery that will never happen, and the heartbeat renews their lease as long as
 * this client lives, so they would come back only when it closes. The group writer gives them back
 * at the start of its next transaction: the claims that were lost then claim again in that very
 * transaction, and nobody waits for a lease to run out.
 *
 * <p>Giving a lease back is safe whatever the lost commit did, because it matches a row only by the
 * lost claim's token: id, this client, claimant and the delivery count the claim set, still
 * claimed. If the claim did not commit, no other claim can hold that token: claimants are unique
 * per receiver, and a receiver claims again only through the writer, after this release; a hand-off
 * row's id existed only in the lost transaction. The claim's count increment is taken back, as for
 * prefetched rows given back unseen (Release with delivered=false): nobody saw the message.
 *
 * <p>Only receivers' fetches are tracked. A Journal.claim names no claimant (then the client as a
 * whole claims, also from other threads outside the writer) or one its caller chose, which nothing
 * keeps unique, so its token would not be certain; it keeps the behaviour from before.
 *
 * <p>Writer thread only.
 */
final class LostClaims {
    private static final Logger LOG = LoggerFactory.getLogger(LostClaims.class);
    /** Stands for "no claimant" (a hand-off row) in the release statement; never a real claimant. */
    private static final String NONE = "";

    private record Lease(long id, String destination, int deliveryCount, String claimant) {
    }

    private final Database db;
    private final String clientId;
    private final List<Lease> pending = new ArrayList<>();
    /** Rows the last {@link #releaseIn} matched: the lost commits that did commit (for the log). */
    private int matched;

    LostClaims(Database db, String clientId) {
        this.db = db;
        this.clientId = clientId;
    }

    /**
     * Notes the rows a receiver's fetch took ({@code result}, null when it did not run), with the
     * delivery count that claim gave them.
     */
    void claimed(GroupWriter.FetchOp fetch, Receiver.Fetched result) {
        if (result == null) {
            return;
        }
        for (StoredMessage m : result.rows()) {
            pending.add(new Lease(m.id(), m.destination(), m.deliveryCount(), fetch.receiver().claimant));
        }
    }

    /** Rows inserted leased for a hand-off (delivery count 1, no claimant). */
    void handedOff(List<StoredMessage> rows) {
        for (StoredMessage m : rows) {
            pending.add(new Lease(m.id(), m.destination(), 1, NONE));
        }
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /**
     * Gives the pending leases back inside the caller's transaction, adding the destinations that
     * got a row back to {@code readyAgain}. Waits, like any UPDATE, for a row the lost transaction
     * still holds on the server, then judges the row as that transaction left it.
     */
    void releaseIn(Connection c, Set<String> readyAgain) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(db.sql.releaseLostClaim)) {
            for (Lease l : pending) {
                ps.setLong(1, l.id());
                ps.setString(2, clientId);
                ps.setInt(3, l.deliveryCount());
                ps.setString(4, l.claimant());
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        matched = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) { // -2 (done, count unknown) counts as released: a wake too many is harmless
                readyAgain.add(pending.get(i).destination());
                matched++;
            }
        }
    }

    /** The transaction that ran {@link #releaseIn} committed: those leases are given back. */
    void committed() {
        if (!pending.isEmpty()) {
            LOG.info("JMQ1022 gave back the leases of claims and hand-offs whose commit was lost: {} of {} rows"
                    + " were held (the lost commit had committed)", matched, pending.size());
            pending.clear();
        }
    }
}
