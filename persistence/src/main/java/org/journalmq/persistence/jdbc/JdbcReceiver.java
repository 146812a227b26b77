package org.journalmq.persistence.jdbc;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.journalmq.persistence.BrowsePosition;
import org.journalmq.persistence.ClaimRequest;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.Receiver;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.UnitOfWork;

/**
 * A receiver over JDBC. An unfiltered fetch is one claim statement inside the writer's group
 * transaction. A filtered fetch (a selector) first reads candidates on the caller's thread, from
 * where its previous scan stopped, and then takes the matching ones inside the group transaction;
 * only a scan that reached the end of the ready rows without a match lets the receiver wait, so a
 * finished scan waits for a wake instead of starting over at once.
 */
final class JdbcReceiver implements Receiver {
    final String address;
    final Callbacks callbacks;
    /** Who this receiver is to message groups: its groups are held by it, not by its client. */
    final String claimant;
    private final Predicate<StoredMessage> filter;
    private final int minPriority;
    private final int maxPriority;
    private final Receivers receivers;
    private final GroupWriter writer;
    private final Claimer claimer;
    /** Hand-off room while waiting, 0 when not waiting; guarded by the Receivers lock. */
    int room;
    /** Guarded by the Receivers lock. */
    boolean closed;
    /** Woken since the current fetch began; guarded by the Receivers lock. */
    boolean woken;
    /** Where the last filtered scan stopped (fetches of one receiver do not overlap). */
    private BrowsePosition scanPosition;
    /**
     * This receiver has had the address's delayed rows read ({@link Receivers#primeDelayed}), at its
     * first wait; guarded by the Receivers lock.
     */
    boolean primed;
    /** Journal time the current fetch began; guarded by the Receivers lock. */
    long fetchBegan;

    JdbcReceiver(String address, Predicate<StoredMessage> filter, int minPriority, int maxPriority,
                 Callbacks callbacks, Receivers receivers, GroupWriter writer, Claimer claimer) {
        this.address = address;
        this.filter = filter;
        this.minPriority = minPriority;
        this.maxPriority = maxPriority;
        this.callbacks = callbacks;
        this.receivers = receivers;
        this.writer = writer;
        this.claimer = claimer;
        this.claimant = claimer.newClaimant();
        receivers.add(this);
    }

    boolean accepts(StoredMessage row) {
        return Receivers.accepts(filter, minPriority, maxPriority, row);
    }

    @Override
    public CompletableFuture<Fetched> fetch(UnitOfWork work, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        receivers.beginFetch(this);
        try {
            if (filter == null && minPriority == 0 && maxPriority == 9) {
                ClaimRequest claim = ClaimRequest.of(address, max).by(claimant);
                return writer.submitFetch(work, new GroupWriter.FetchOp(this, claim, null, true, max));
            }
            Claimer.Scan scan = claimer.scan(new ClaimRequest(address, max, filter, scanPosition, minPriority,
                    maxPriority, claimant));
            scanPosition = scan.reachedEnd() ? null : scan.position();
            if (scan.candidates().isEmpty() && !scan.reachedEnd() && work.isEmpty()) {
                return CompletableFuture.completedFuture(new Fetched(java.util.List.of(), false, true));
            }
            return writer.submitFetch(work, new GroupWriter.FetchOp(this, null, scan.candidates(),
                    scan.reachedEnd(), max));
        } catch (JournalException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void stopWaiting() {
        receivers.stopWaiting(this);
    }

    @Override
    public void close() {
        receivers.remove(this);
    }

    @Override
    public String toString() {
        return "receiver@" + Integer.toHexString(System.identityHashCode(this)) + " of " + address;
    }
}
