package org.journalmq.persistence;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The message journal: the only way the JMS facade reaches the database.
 *
 * <p>A journal instance is one "client" of the shared database (one JVM-level connection group):
 * it has a row with a heartbeat, and every row it claims carries its {@link #clientId()} as owner.
 * All times it takes and returns are milliseconds on the journal clock ({@link #now()}), which
 * tracks the database clock so that leases agree across machines.
 *
 * <p>Every method may throw {@link JournalException}; its {@link JournalException.Kind} says what
 * went wrong without the caller having to look at SQL state codes.
 */
public interface Journal extends AutoCloseable {

    /** The id of this client, stored as owner of the rows it claims. */
    String clientId();

    /** The configuration this journal was opened with. */
    JournalConfig config();

    /** Current time on the journal clock (database clock estimate), in epoch milliseconds. */
    long now();

    /**
     * Applies sends and acks in one database transaction, group-committed with the work of other
     * threads. The future completes once the transaction is committed (durable), or completes
     * exceptionally with a {@link JournalException}; with kind {@code LEASE_LOST} when one of the
     * acks no longer matches a row this client holds with that delivery count, in which case none
     * of this unit's work is applied.
     */
    CompletableFuture<Void> write(UnitOfWork work);

    /** {@link #write(UnitOfWork)} and wait for the commit. */
    void writeAndWait(UnitOfWork work);

    /**
     * Claims up to {@code request.max()} ready rows of a destination as a lease for this client,
     * incrementing and persisting their delivery count, committed before it returns. Rows are
     * returned in delivery order: priority descending, then id ascending. Expired rows and rows
     * whose deliver-at lies in the future are never claimed.
     */
    List<StoredMessage> claim(ClaimRequest request);

    /**
     * A claim that scans: like {@link #claim} with a filter, but it resumes where the previous scan
     * stopped and examines a bounded number of rows per call, so that a consumer whose matches sit
     * behind a deep backlog of non-matching rows makes progress on every call instead of reading
     * the same head rows again. Call again at once while {@link ClaimResult#resumeAfter()} is not
     * null.
     */
    ClaimResult claimScan(ClaimRequest request);

    /**
     * Gives claimed rows back: ready again, owner cleared, deliver-at pushed out by each release's
     * delay. A release with {@code delivered == false} (prefetched, never handed to the
     * application) also takes back the delivery count increment of its claim.
     */
    void release(List<Release> releases);

    /**
     * A snapshot page of the ready, unexpired rows of a destination in delivery order, starting
     * after {@code after} (null for the start). Claims nothing.
     */
    List<StoredMessage> browse(String destination, BrowsePosition after, int max);

    /** Number of rows of a destination in any state. */
    long depth(String destination);

    /** Per-destination figures for operators. */
    List<DestinationStats> stats();

    /** Deletes every row of a destination; returns how many. */
    int purge(String destination);

    /**
     * Registers a callback run (on a journal thread, must not block) whenever this journal commits
     * rows that may be ready for the destination: sends, releases, expired leases. Wake-up is an
     * optimisation: consumers must also poll for work committed by other JVMs.
     */
    Registration onAvailable(String destination, Runnable listener);

    /** Stops maintenance, waits for pending writes, releases this client's claims, closes the pool. */
    @Override
    void close();

    /** A listener registration; closing it unregisters. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
