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
     * Moves a row this client holds to a dead-letter queue: removes it on the conditions of an ack
     * ({@code held}) and stores {@code copy} (a queue address) in one transaction, or does neither.
     * Unlike {@link #writeAndWait}, it needs no right to send to the dead-letter queue where the
     * database enforces the access control list itself (PostgreSQL with migration 10): only the
     * right to consume the held row's destination. Elsewhere it is that unit of work.
     *
     * @throws JournalException LEASE_LOST when {@code held} no longer matches a row this client
     *                          holds (or, under the database's own rules, one it may consume):
     *                          nothing is then written
     */
    default void deadLetter(Ack held, NewMessage copy) {
        writeAndWait(new UnitOfWork(List.of(copy), List.of(held)));
    }

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

    /**
     * Registers a callback told once per outage of the database (issue 13): when the first of the
     * journal's operations finds it unreachable (kind {@link JournalException.Kind#UNAVAILABLE}).
     * Not told again until an operation has succeeded. Runs on a journal thread of its own, never
     * on the thread whose operation failed.
     */
    default Registration onOutage(java.util.function.Consumer<JournalException> listener) {
        return () -> { };
    }

    /**
     * Opens a receiver of the rows of a journal address (a queue, or a topic subscription): the
     * consume path of a consumer, see {@link Receiver}.
     *
     * @param filter      an in-JVM predicate (a message selector), or null for every row; rows it
     *                    rejects stay ready for other consumers
     * @param minPriority lowest priority the filter can accept (0 for all), pushed into the SQL
     * @param maxPriority highest priority the filter can accept (9 for all)
     */
    Receiver openReceiver(String address, java.util.function.Predicate<StoredMessage> filter, int minPriority,
                          int maxPriority, Receiver.Callbacks callbacks);

    /**
     * True while every commit that makes rows ready, whichever JVM made it, reaches the wake
     * callbacks of this journal's receivers: on an embedded database (no other JVM can write to
     * it), and on PostgreSQL while the journal's LISTEN connection is up. Otherwise a waiting
     * consumer must also poll.
     */
    boolean wakesForEveryWriter();

    // ------------------------------------------------------------------ topics

    /**
     * Creates, keeps or replaces a subscription and attaches a consumer to it, in one transaction.
     * An existing subscription with the same address but another definition is deleted with its
     * messages and recreated when no consumer is attached.
     *
     * @param consumerId a unique id of the consumer, given back to {@link #detach}
     * @throws JournalException CONFLICT when the subscription exists with another {@code shared} or
     *                          {@code durable} flag, when it is unshared and a consumer is attached,
     *                          or when its definition differs and a consumer is attached
     */
    SubscribeOutcome subscribe(Subscription subscription, String consumerId);

    /**
     * Detaches a consumer; a non-durable subscription left without consumers is removed with its
     * messages. Detaching an unknown consumer does nothing.
     */
    void detach(String consumerId);

    /**
     * Removes a durable subscription and its messages.
     *
     * @throws JournalException NOT_FOUND when there is none at that address, CONFLICT when a consumer
     *                          is attached
     */
    void unsubscribe(String address);

    /** The subscriptions of a topic (journal address), in address order. */
    List<Subscription> subscriptions(String topic);

    /**
     * Reserves a name (a JMS client ID) for this journal client until {@link #releaseClientName},
     * this journal's close, or its death (maintenance frees the names of dead clients).
     *
     * @throws JournalException CONFLICT when any live client, in any JVM, holds the name
     */
    void reserveClientName(String name);

    /** Frees a name reserved by this client; unknown names are ignored. */
    void releaseClientName(String name);

    // ------------------------------------------------------------------ temporary destinations

    /**
     * Records a temporary destination owned by this client. It exists until {@link #deleteTemporary},
     * this journal's close, or this client's death: the maintenance of any live journal then
     * removes it and its rows, about one lease after the last heartbeat.
     *
     * @throws JournalException CONFLICT when the address is recorded already
     */
    void createTemporary(String address);

    /**
     * Removes a temporary destination of this client and its rows, in one transaction.
     *
     * @return false when this client has no such temporary destination (never created, deleted, or
     *         removed because this client was taken for dead)
     */
    boolean deleteTemporary(String address);

    /**
     * True while the temporary destination exists: recorded by a client that is alive, and not
     * deleted. Senders ask before writing to it.
     */
    boolean temporaryExists(String address);

    // ------------------------------------------------------------------ XA

    /**
     * Makes a transaction branch's work durable in the prepared state, in one transaction: its sends
     * and publications are stored but invisible to claims and browses, its acks keep their rows
     * claimed (not released by lease expiry, nor by this journal's close) under the branch, and the
     * branch is recorded with its id. Any journal on the same database and table prefix may then
     * finish it with {@link #commitPrepared} or {@link #rollbackPrepared}, also after a restart.
     *
     * @throws JournalException CONFLICT when a branch with this id is already recorded; LEASE_LOST
     *                          when an ack no longer matches a row this client holds (nothing is
     *                          then written)
     */
    void prepare(XaId xid, UnitOfWork work);

    /**
     * Commits a prepared branch: its sends become ready, its acknowledged rows are deleted, and the
     * record is removed. A branch an operator completed heuristically is left as it is and reported.
     *
     * @throws JournalException NOT_FOUND when no branch with this id is recorded
     */
    XaOutcome commitPrepared(XaId xid);

    /**
     * Rolls back a prepared branch: its sends are deleted, its acknowledged rows are released for
     * redelivery with their delivery count kept, and the record is removed. A branch an operator
     * completed heuristically is left as it is and reported.
     *
     * @throws JournalException NOT_FOUND when no branch with this id is recorded
     */
    XaOutcome rollbackPrepared(XaId xid);

    /** Every recorded branch (prepared or heuristically completed), oldest first. */
    List<PreparedBranch> preparedBranches();

    /**
     * An operator's heuristic decision: finishes a prepared branch now (commit or rollback) and
     * keeps its record, marked with the decision, until {@link #forget}, so that the transaction
     * manager learns of it.
     *
     * @throws JournalException NOT_FOUND when no branch with this id is recorded; CONFLICT when it
     *                          is already completed
     */
    void completeHeuristically(XaId xid, boolean commit);

    /**
     * Removes the record of a heuristically completed branch.
     *
     * @throws JournalException NOT_FOUND when no branch with this id is recorded; CONFLICT when it
     *                          is still prepared (it must be committed or rolled back)
     */
    void forget(XaId xid);

    // ------------------------------------------------------------------ operations

    /** Figures of every destination, subscription, consumer and live client, read in one transaction. */
    JournalOverview overview();

    /**
     * {@link #overview()} whose figures per destination are exact while a destination holds at most
     * {@code exactLimit} waiting (and at most that many in-flight) rows, and may be estimates above
     * it ({@link DestinationStats#waitingEstimated()}), so that the read costs about the same on a
     * queue of ten million as on one of ten thousand. Everything else (consumers, subscriptions,
     * clients, traffic) stays exact. A journal that cannot estimate counts every row.
     *
     * @param exactLimit at least 1; {@link Long#MAX_VALUE} counts every row
     */
    default JournalOverview overview(long exactLimit) {
        return overview();
    }

    /**
     * Rebuilds, without blocking sends or claims, the indexes of the journal's tables that a drained
     * backlog left far larger than their rows need (PostgreSQL; issue 13 item 3), or defragments a
     * data file left far larger than its live part (HSQLDB, holding other sessions meanwhile, so on
     * its own only once little is live). The journal runs
     * this itself every minute with {@code force} false: then only tables whose indexes reach
     * {@link JournalConfig#indexCompactionMinBytes()} count. With {@code force} (an operator's
     * request) that floor does not apply; a table whose indexes fit its rows is never rebuilt.
     * Blocks until done; never throws for a refused or failed rebuild (see the outcome).
     */
    default IndexCompaction compactIndexes(boolean force) {
        return IndexCompaction.of(IndexCompaction.Outcome.UNSUPPORTED, "this database has no compaction");
    }

    /**
     * Records a consumer of a queue address, so that operators see it ({@link #overview()}); undo
     * with {@link #detach(String)}. It is owned by this client: maintenance forgets it when this
     * client dies, and {@link #close()} detaches it.
     */
    void registerConsumer(String address, String consumerId);

    /**
     * Sends and acks committed by this journal instance since it opened (this JVM only); every
     * JVM's are in {@link JournalOverview#traffic()}.
     */
    TrafficCounts trafficCounts();

    /** The connection pool's figures now. */
    PoolFigures poolFigures();

    // ------------------------------------------------------------------ access control (issue 15 item 1)

    /**
     * The principals of this client: its database user first, then (on PostgreSQL) the roles it is
     * a member of. Read once at open.
     */
    List<String> principals();

    /**
     * The access control list as this journal last read it: at open, at each maintenance run and
     * after this journal's own {@link #grant}/{@link #revoke}. Another JVM's change is seen within
     * one maintenance interval.
     */
    AccessRules accessRules();

    /** Every grant, read from the database now, ordered by principal, operation and pattern. */
    List<AccessGrant> accessGrants();

    /**
     * Stores grants in one transaction and refreshes {@link #accessRules()}. Checks no permission:
     * the caller decides who may change the list. One transaction, so that the first grants of an
     * empty list can give an administrator {@code manage} on {@code queue:*} and {@code topic:*}
     * together: one alone would already lock everybody out of further changes.
     *
     * @return how many of them did not exist yet
     */
    int grant(List<AccessGrant> grants);

    /**
     * Removes a grant and refreshes {@link #accessRules()}.
     *
     * @return false when there was no such grant
     */
    boolean revoke(AccessGrant grant);

    // ------------------------------------------------------------------ local transactions (issue 6 item 4)

    /**
     * Checks that a JDBC connection of the application can carry journal work in its own
     * transaction: open, auto-commit off, and reaching this journal's database and tables (it
     * must see this journal's client row). Runs no statement that can fail, so a failed check
     * leaves the application's transaction usable.
     *
     * @throws JournalException INVALID_ARGUMENT naming what is wrong with the connection
     */
    void checkLocalConnection(java.sql.Connection connection);

    /**
     * Applies sends, publications and acks on the application's connection, on the calling thread,
     * and does not commit: they become visible, and the acknowledged rows go, when the application's
     * transaction commits, and never if it rolls back. Claims keep committing on the journal's own
     * connections. The connection is checked as by {@link #checkLocalConnection} (the client row
     * only: one indexed read).
     *
     * @return the journal addresses written to, and those where a row of a message group was
     *         acknowledged (its group may be free now); pass them to {@link #afterLocalCommit} after
     *         the commit
     * @throws JournalException LEASE_LOST when an ack no longer matches a row this client holds:
     *                          part of the unit may already be written, so the caller must roll the
     *                          transaction back; INVALID_ARGUMENT for a bad connection
     */
    java.util.Set<String> applyLocal(java.sql.Connection connection, UnitOfWork work);

    /**
     * Commits the application's connection. A failure of the commit itself leaves the outcome to
     * the database: with kind UNAVAILABLE the transaction may or may not have committed.
     */
    void commitLocal(java.sql.Connection connection);

    /**
     * Wakes this JVM's consumers of the addresses an application transaction wrote to (from
     * {@link #applyLocal}), once it committed. Only an optimisation: consumers also poll.
     */
    void afterLocalCommit(java.util.Set<String> addresses);

    /** Rolls the application's connection back. */
    void rollbackLocal(java.sql.Connection connection);

    /** Stops maintenance, waits for pending writes, releases this client's claims, closes the pool. */
    @Override
    void close();

    /** A listener registration; closing it unregisters. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
