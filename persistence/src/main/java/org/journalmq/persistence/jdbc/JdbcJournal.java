package org.journalmq.persistence.jdbc;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.persistence.AccessGrant;
import org.journalmq.persistence.AccessRules;
import org.journalmq.persistence.BrowsePosition;
import org.journalmq.persistence.ClaimRequest;
import org.journalmq.persistence.ClaimResult;
import org.journalmq.persistence.DestinationStats;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.IndexCompaction;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.journalmq.persistence.JournalOverview;
import org.journalmq.persistence.PoolFigures;
import org.journalmq.persistence.TrafficCounts;
import org.journalmq.persistence.Release;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.SubscribeOutcome;
import org.journalmq.persistence.Subscription;
import org.journalmq.persistence.UnitOfWork;
import org.journalmq.persistence.PreparedBranch;
import org.journalmq.persistence.XaId;
import org.journalmq.persistence.XaOutcome;
import org.journalmq.persistence.dialect.Dialect;
import org.journalmq.persistence.dialect.Dialects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal over JDBC. It wires the parts together and guards the lifecycle; the work is done by
 * {@link GroupWriter} (sends and acks), {@link Claimer}, {@link Operations} and {@link Maintenance}.
 */
public final class JdbcJournal implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcJournal.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final JournalConfig config;
    private final Dialect dialect;
    private final Database db;
    private final boolean embeddedFile;
    private final String clientId;
    private final JournalClock clock;

    private final Receivers receivers;
    private final Listeners listeners;
    private final Notifier notifier;
    /** Key into {@link InProcessJournals}, or null when the database is not in this process. */
    private final String inProcessKey;
    private final Claimer claimer;
    /** The periodic work, and this client's departure at close. */
    private final Maintenance maintenance;
    private final Operations operations;
    private final GroupWriter writer;
    private final Topics topics;
    private final Temporaries temporaries;
    private final XaBranches xa;
    private final ScheduledExecutorService scheduler;
    /** The index compaction with its thread, or null where the dialect has none (issue 13 item 3). */
    private final IndexCompactor compactor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Traffic traffic = new Traffic();
    private final TrafficRows trafficRows;
    private final DuplicateIds duplicates;
    private final OpsQueries ops;
    private final LocalTransactions local;
    private final AccessControl access;
    /** The dead-letter move through the dialect's query, or null: then it is a unit of work. */
    private final DeadLetterMoves deadLetters;

    /** Opens a journal; see {@link org.journalmq.persistence.Journals#open(JournalConfig)}. */
    public static JdbcJournal open(JournalConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.dataSource() != null) {
            return openOnDataSource(config);
        }
        Dialect dialect = Dialects.forUrl(config.jdbcUrl()).orElseThrow(() -> new JournalException(
                Kind.INVALID_ARGUMENT, "no journal dialect for JDBC URL " + SqlErrors.safeUrl(config.jdbcUrl())
                + " (supported: jdbc:hsqldb:, jdbc:postgresql:)"));
        int instance = INSTANCES.incrementAndGet();
        boolean embeddedFile = dialect.isEmbeddedFile(config.jdbcUrl());
        if (embeddedFile) {
            EmbeddedDatabases.acquire(config, dialect);
        }
        Database db = null;
        try {
            db = Database.connect(config, dialect, "journalmq-pool-" + instance);
            return new JdbcJournal(config, dialect, db, embeddedFile, instance);
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            if (embeddedFile) {
                EmbeddedDatabases.release(config, dialect);
            }
            throw e;
        }
    }

    private JdbcJournal(JournalConfig config, Dialect dialect, Database db, boolean embeddedFile, int instance) {
        this.config = config;
        this.dialect = dialect;
        this.db = db;
        this.embeddedFile = embeddedFile;
        this.clientId = "jmq-" + UUID.randomUUID();
        this.clock = new JournalClock(dialect.currentTimeMillis());
        this.receivers = new Receivers(clock);
        this.listeners = new Listeners(receivers);
        db.transaction("clock", c -> {
            clock.measure(c);
            return null;
        });
        SchemaMigrator.migrate(db, dialect.databaseKey(config.jdbcUrl()), clock.now());
        this.trafficRows = new TrafficRows(db, clientId, traffic);
        this.maintenance = new Maintenance(db, clock, clientId, config.leaseMillis(), clock.now(), listeners,
                trafficRows);
        maintenance.heartbeatAndRenew(); // registers this client before it claims anything
        this.claimer = new Claimer(db, clock, clientId, config.leaseMillis(), dialect.databaseKey(config.jdbcUrl()));
        this.operations = new Operations(db, clock, clientId, this::wakeOnJournalThread, receivers);
        this.topics = new Topics(db, new TopicSql(dialect, db.tables), clock, clientId, config.leaseMillis());
        this.ops = new OpsQueries(db, clock, clientId, config.leaseMillis(), trafficRows);
        maintenance.topics(topics);
        this.temporaries = new Temporaries(db, clock, clientId, config.leaseMillis());
        maintenance.temporaries(temporaries);
        this.duplicates = new DuplicateIds(db, config.duplicateWindowMillis(), traffic);
        maintenance.duplicateIds(duplicates);
        this.access = new AccessControl(db);
        maintenance.accessControl(access);
        // An XA commit announces its delayed rows as a group commit does (JMS 3.1 §7.9).
        this.xa = new XaBranches(db, clock, clientId, (t, d) -> { wakeOnJournalThread(t); receivers.wakeAt(d); },
                duplicates);
        this.local = new LocalTransactions(db, new IdAllocator(dialect, db), clock, clientId, duplicates);
        this.deadLetters = dialect.deadLetter(db.tables).map(q -> new DeadLetterMoves(db, q, new IdAllocator(dialect, db),
                clock, clientId, traffic, this::wakeOnJournalThread)).orElse(null);
        // Threads last: nothing above may leave a thread behind when it throws.
        ScheduledThreadPoolExecutor maintenanceThread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "journalmq-maintenance-" + instance);
            t.setDaemon(true);
            return t;
        });
        // The timers of delayed rows may be minutes away: close must not wait for them.
        maintenanceThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = maintenanceThread;
        receivers.earliestDelayed(claimer::earliestDelayed);
        receivers.scheduler(scheduler);
        boolean notifies = dialect.notifies();
        if (notifies) {
            db.notifier = Notifier.sender(db.tables, clientId);
        }
        this.writer = new GroupWriter(db, new IdAllocator(dialect, db), clock, clientId, config.leaseMillis(),
                listeners, receivers, db.notifier, claimer, duplicates, "journalmq-writer-" + instance);
        // LISTEN needs a connection of its own for the journal's life: not one of a caller's DataSource.
        this.notifier = notifies && config.dataSource() == null
                ? Notifier.listening(config, dialect, db.tables, clientId, receivers, listeners,
                        "journalmq-listen-" + instance)
                : null;
        this.inProcessKey = dialect.isInProcess(config.jdbcUrl())
                ? dialect.databaseKey(config.jdbcUrl()) + '\u0000' + db.tables.prefix().toUpperCase(java.util.Locale.ROOT)
                : null;
        if (inProcessKey != null) {
            InProcessJournals.join(inProcessKey, receivers);
        }
        long interval = config.maintenanceIntervalMillis();
        scheduler.scheduleWithFixedDelay(maintenance, interval, interval, TimeUnit.MILLISECONDS);
        this.compactor = dialect.indexCompaction(db.tables).<IndexCompactor.Run>map(IndexRebuild::new)
                .or(() -> dialect.dataFileCompaction(db.tables).map(DataFileDefrag::new))
                .map(run -> IndexCompactor.start(db, run, config.indexCompactionMinBytes(), instance)).orElse(null);
        LOG.debug("journal {} opened on {} ({}), clock offset {} ms", clientId,
                SqlErrors.safeUrl(config.jdbcUrl()), dialect.name(), clock.offsetMillis());
    }

    @Override
    public String clientId() {
        return clientId;
    }

    @Override
    public JournalConfig config() {
        return config;
    }

    @Override
    public long now() {
        return clock.now();
    }

    @Override
    public CompletableFuture<Void> write(UnitOfWork work) {
        Objects.requireNonNull(work, "work");
        try {
            checkOpen();
            Validation.unit(work);
        } catch (JournalException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (work.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        // Counted before the caller's future completes, so a caller that waited sees its own work counted.
        return writer.submit(work).thenApply(suppressed -> {
            traffic.committed(work, suppressed);
            return null;
        });
    }

    @Override
    public org.journalmq.persistence.Receiver openReceiver(String address,
            java.util.function.Predicate<StoredMessage> filter, int minPriority, int maxPriority,
            org.journalmq.persistence.Receiver.Callbacks callbacks) {
        checkOpen();
        Validation.destination(address);
        Objects.requireNonNull(callbacks, "callbacks");
        new ClaimRequest(address, 1, filter, null, minPriority, maxPriority); // checks the priority range
        return new JdbcReceiver(address, filter, minPriority, maxPriority, callbacks, receivers, writer, claimer);
    }

    /**
     * An in-process database is written by this JVM alone; but two journals on it (two
     * configurations) do not hear each other's commits, so then their consumers poll (the second
     * one's open wakes the first one's receivers so that they ask again: {@link InProcessJournals}). On
     * PostgreSQL, the LISTEN connection must be up.
     */
    @Override
    public boolean wakesForEveryWriter() {
        if (inProcessKey != null) {
            return InProcessJournals.alone(inProcessKey);
        }
        return notifier != null && notifier.connected();
    }

    @Override
    public void writeAndWait(UnitOfWork work) {
        if (writer.isWriterThread()) {
            // Futures complete and listeners run on the writer: waiting there would deadlock.
            throw new JournalException(Kind.INTERNAL, "writeAndWait called from a journal callback;"
                    + " use write() and do not block the journal thread");
        }
        await(write(work), "commit");
    }

    @Override
    public void deadLetter(org.journalmq.persistence.Ack held, org.journalmq.persistence.NewMessage copy) {
        UnitOfWork move = new UnitOfWork(List.of(copy), List.of(held));
        DeadLetterMoves.check(copy);
        if (deadLetters == null) {
            writeAndWait(move);
            return;
        }
        checkOpen();
        Validation.unit(move);
        deadLetters.move(held, copy);
    }

    /** Waits for a writer future, unwrapping its JournalException. */
    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JournalException je) {
                throw je;
            }
            throw new JournalException(Kind.INTERNAL, what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException(Kind.INTERNAL, "interrupted while waiting for the " + what, e);
        }
    }

    @Override
    public List<StoredMessage> claim(ClaimRequest request) {
        Objects.requireNonNull(request, "request");
        checkOpen();
        Validation.destination(request.destination());
        if (request.filter() != null || writer.isWriterThread()) {
            return claimer.claim(request);
        }
        return await(writer.submitClaim(request), "claim");
    }

    @Override
    public ClaimResult claimScan(ClaimRequest request) {
        Objects.requireNonNull(request, "request");
        checkOpen();
        Validation.destination(request.destination());
        return claimer.claimScan(request);
    }

    @Override
    public void release(List<Release> releases) {
        Objects.requireNonNull(releases, "releases");
        checkOpen();
        operations.release(releases);
    }

    @Override
    public List<StoredMessage> browse(String destination, BrowsePosition after, int max) {
        checkOpen();
        Validation.destination(destination);
        Validation.positive(max, "max");
        return operations.browse(destination, after, max);
    }

    @Override
    public long depth(String destination) {
        checkOpen();
        return operations.depth(Validation.destination(destination));
    }

    @Override
    public List<DestinationStats> stats() {
        checkOpen();
        return operations.stats();
    }

    @Override
    public int purge(String destination) {
        checkOpen();
        return operations.purge(Validation.destination(destination));
    }

    @Override
    public SubscribeOutcome subscribe(Subscription subscription, String consumerId) {
        Objects.requireNonNull(subscription, "subscription");
        checkOpen();
        Validation.destination(subscription.address());
        Validation.destination(subscription.topic());
        Validation.consumerId(consumerId);
        return topics.subscribe(subscription, consumerId);
    }

    @Override
    public void detach(String consumerId) {
        checkOpen();
        topics.detach(Validation.consumerId(consumerId));
    }

    @Override
    public void unsubscribe(String address) {
        checkOpen();
        topics.unsubscribe(Validation.destination(address));
    }

    @Override
    public List<Subscription> subscriptions(String topic) {
        checkOpen();
        return topics.subscriptions(Validation.destination(topic));
    }

    @Override
    public void reserveClientName(String name) {
        checkOpen();
        topics.reserveClientName(Validation.destination(name));
    }

    @Override
    public void releaseClientName(String name) {
        checkOpen();
        topics.releaseClientName(Validation.destination(name));
    }

    @Override
    public Registration onAvailable(String destination, Runnable listener) {
        Validation.destination(destination);
        Objects.requireNonNull(listener, "listener");
        return listeners.register(destination, listener);
    }

    @Override
    public Registration onOutage(java.util.function.Consumer<JournalException> listener) {
        Objects.requireNonNull(listener, "listener");
        return db.outages.register(listener);
    }

    // ------------------------------------------------------------------ XA

    @Override
    public void prepare(XaId xid, UnitOfWork work) {
        Objects.requireNonNull(xid, "xid");
        Objects.requireNonNull(work, "work");
        checkOpen();
        Validation.unit(work);
        xa.prepare(xid, work);
    }

    @Override
    public XaOutcome commitPrepared(XaId xid) {
        Objects.requireNonNull(xid, "xid");
        checkOpen();
        return xa.commit(xid);
    }

    @Override
    public XaOutcome rollbackPrepared(XaId xid) {
        Objects.requireNonNull(xid, "xid");
        checkOpen();
        return xa.rollback(xid);
    }

    @Override
    public List<PreparedBranch> preparedBranches() {
        checkOpen();
        return xa.list();
    }

    @Override
    public void completeHeuristically(XaId xid, boolean commit) {
        Objects.requireNonNull(xid, "xid");
        checkOpen();
        xa.completeHeuristically(xid, commit);
    }

    @Override
    public void forget(XaId xid) {
        Objects.requireNonNull(xid, "xid");
        checkOpen();
        xa.forget(xid);
    }

    // ------------------------------------------------------------------ operations

    @Override
    public JournalOverview overview() {
        return overview(Long.MAX_VALUE);
    }

    @Override
    public JournalOverview overview(long exactLimit) {
        checkOpen();
        return ops.overview(operations, exactLimit);
    }

    @Override
    public void registerConsumer(String address, String consumerId) {
        checkOpen();
        ops.registerConsumer(Validation.destination(address), Validation.consumerId(consumerId));
    }

    @Override
    public TrafficCounts trafficCounts() {
        return traffic.snapshot();
    }

    @Override
    public PoolFigures poolFigures() {
        return db.poolFigures();
    }

    // ---------------------------------------------------------------- local transactions (issue 6 item 4)

    @Override // issue 15 item 1: cached, see AccessControl
    public List<String> principals() {
        return access.principals();
    }

    @Override
    public AccessRules accessRules() {
        return access.rules();
    }

    @Override
    public List<AccessGrant> accessGrants() {
        checkOpen();
        return access.list();
    }

    @Override
    public int grant(List<AccessGrant> grants) {
        checkOpen();
        return access.grant(List.copyOf(grants));
    }

    @Override
    public boolean revoke(AccessGrant grant) {
        checkOpen();
        return access.revoke(Objects.requireNonNull(grant, "grant"));
    }

    @Override
    public void checkLocalConnection(java.sql.Connection connection) {
        checkOpen();
        local.check(connection);
    }

    @Override
    public Set<String> applyLocal(java.sql.Connection connection, UnitOfWork work) {
        Objects.requireNonNull(work, "work");
        checkOpen();
        return local.apply(connection, work);
    }

    @Override
    public void commitLocal(java.sql.Connection connection) {
        Objects.requireNonNull(connection, "connection");
        // Announced here, not in afterLocalCommit: only the connection tells which rows were delayed.
        receivers.wakeAt(local.commit(connection));
    }

    @Override
    public void afterLocalCommit(Set<String> addresses) {
        if (!addresses.isEmpty() && !closed.get()) {
            // commitLocal announced the delays of the transactions it committed; one the application
            // committed by itself announced none, so the next receiver of these addresses reads them.
            wakeOnJournalThread(receivers.forgetDelays(Set.copyOf(addresses)));
        }
    }

    @Override
    public void rollbackLocal(java.sql.Connection connection) {
        Objects.requireNonNull(connection, "connection");
        local.rollback(connection);
    }

    @Override
    public IndexCompaction compactIndexes(boolean force) {
        checkOpen();
        return compactor == null ? Journal.super.compactIndexes(force) : compactor.compactNow(force);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(config.connectTimeoutMillis(), 10_000);
        if (compactor != null) {
            compactor.close();
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close(wait);
        if (notifier != null) {
            notifier.close();
        }
        if (inProcessKey != null) {
            InProcessJournals.leave(inProcessKey, receivers);
        }
        try {
            maintenance.leave();
        } finally {
            db.close();
            if (embeddedFile) {
                EmbeddedDatabases.release(config, dialect);
            }
        }
    }

    // ------------------------------------------------------------------ temporary destinations

    @Override
    public void createTemporary(String address) {
        checkOpen();
        temporaries.create(Validation.destination(address));
    }

    @Override
    public boolean deleteTemporary(String address) {
        checkOpen();
        return temporaries.delete(Validation.destination(address));
    }

    @Override
    public boolean temporaryExists(String address) {
        checkOpen();
        return temporaries.exists(Validation.destination(address));
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new JournalException(Kind.CLOSED, "journal " + clientId + " is closed");
        }
    }

    /** Listeners run on a journal thread, never on the caller's. */
    private void wakeOnJournalThread(Set<String> destinations) {
        try {
            scheduler.execute(() -> listeners.wake(destinations));
        } catch (RejectedExecutionException e) {
            // Closing: nobody waits for wake-ups any more.
        }
    }

    // ------------------------------------------------------------------ caller-supplied DataSource

    /**
     * Opens a journal on the caller's DataSource (see {@link JournalConfig#builder(javax.sql.DataSource)}).
     * The database's lifecycle is its owner's: an embedded HSQLDB file database behind the DataSource
     * is neither waited for nor shut down here, unlike one opened from its URL.
     */
    private static JdbcJournal openOnDataSource(JournalConfig config) {
        Database db = Database.onDataSource(config);
        try {
            return new JdbcJournal(config.withJdbcUrl(db.url), db.dialect, db, false, INSTANCES.incrementAndGet());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
