package org.journalmq.persistence.jdbc;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.journalmq.persistence.ClaimRequest;
import org.journalmq.persistence.UnitOfWork;

/**
 * A unit queued for the {@link GroupWriter}: a write, possibly with a claim (Journal.claim) or a
 * receiver's fetch, and the future its caller waits on. Only the writer thread reads and sets
 * {@link #result}.
 */
final class QueuedUnit {
    final UnitOfWork work;
    final ClaimRequest claim;
    final GroupWriter.FetchOp fetch;
    final CompletableFuture<Object> future;
    /** Message data it adds to the queue, for the queue's bound ({@link WriteCapacity}). */
    final long bytes;
    final long queuedAt = System.nanoTime();
    Object result;

    QueuedUnit(UnitOfWork work, ClaimRequest claim, GroupWriter.FetchOp fetch) {
        this.work = work;
        this.claim = claim;
        this.fetch = fetch;
        this.future = new CompletableFuture<>();
        this.bytes = work == null ? 0 : WriteCapacity.bytesOf(work);
    }

    boolean sends() {
        return !work.sends().isEmpty() || !work.publications().isEmpty();
    }

    /** Rows it writes or claims at most: what a group is bounded by. */
    long rows() {
        return work.sends().size() + (long) work.acks().size() + work.publications().size()
                + (claim == null ? 0 : claim.max()) + (fetch == null ? 0 : fetch.max());
    }

    /** True when the units only claim: no send, publication or ack needs the commit to be durable. */
    static boolean onlyClaims(List<QueuedUnit> units) {
        for (QueuedUnit u : units) {
            if (!u.work.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    static boolean anyAcks(List<QueuedUnit> units) {
        for (QueuedUnit u : units) {
            if (!u.work.acks().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
