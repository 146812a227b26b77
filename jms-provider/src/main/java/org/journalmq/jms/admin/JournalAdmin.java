package org.journalmq.jms.admin;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.List;
import org.journalmq.jms.acl.AccessChecks;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.audit.Audit;
import org.journalmq.persistence.AccessGrant;
import org.journalmq.persistence.AccessRules;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.PoolFigures;

/**
 * Administration of one journal for operators: the figures of its destinations, purge, move and
 * dead-letter replay. The CLI, the MBeans and the Micrometer binder all read and act through it,
 * so they agree. Get one from {@link org.journalmq.jms.JournalConnectionFactory#createAdmin()};
 * it shares the JVM's journal for that factory's configuration with its connections.
 */
public final class JournalAdmin implements AutoCloseable {
    private final Journal journal;
    private final IntSupplier connections;
    private final IntSupplier openSessions;
    private final Runnable onClose;
    private final MessageMover mover;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * For the provider: an admin over an open journal.
     *
     * @param connections  handles on the journal in this JVM (connections and admins)
     * @param openSessions open sessions on the journal in this JVM
     * @param onClose      run once at {@link #close()}: gives the journal back
     */
    public JournalAdmin(Journal journal, IntSupplier connections, IntSupplier openSessions, Runnable onClose) {
        this.journal = journal;
        this.connections = connections;
        this.openSessions = openSessions;
        this.onClose = onClose;
        this.mover = new MessageMover(journal);
    }

    /**
     * Per destination, the ready, scheduled and in-flight rows are counted exactly up to this many
     * each; a deeper part is estimated (marked in {@link DestinationFigures#estimated()}), so that
     * reading the figures of a queue of ten million costs what it costs at ten thousand.
     */
    public static final long DEFAULT_EXACT_LIMIT = 10_000;

    /**
     * A snapshot of every destination's figures, read in one transaction, exact up to
     * {@link #DEFAULT_EXACT_LIMIT} rows per destination part (the CLI, the MBeans, the console and
     * the Micrometer binder all read this).
     */
    public JournalFigures figures() throws JMSException {
        return figures(DEFAULT_EXACT_LIMIT);
    }

    /**
     * A snapshot of every destination's figures, exact while a destination holds at most
     * {@code exactLimit} waiting and at most that many in-flight messages; above, those figures may be
     * estimates, named in {@link DestinationFigures#estimated()}. Consumers, subscriptions, clients
     * and traffic counts are always exact.
     *
     * @param exactLimit at least 1; {@link Long#MAX_VALUE} counts every message, however long it takes
     * @throws JMSException when the limit is below 1, or the journal cannot be read
     */
    public JournalFigures figures(long exactLimit) throws JMSException {
        if (exactLimit < 1) {
            throw new JMSException("the exact limit of the figures must be at least 1, was " + exactLimit);
        }
        try {
            return FiguresBuilder.build(journal.overview(exactLimit), journal.trafficCounts());
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "read the journal's figures");
        }
    }

    /**
     * The figures of a queue the journal knows: it has messages or consumers. Queues come into
     * being with their first message, so a queue without either is indistinguishable from a typo.
     *
     * @throws InvalidDestinationException when the name is invalid or the journal does not know the queue
     */
    public DestinationFigures knownQueue(String name) throws JMSException {
        MessageMover.checkedQueue(name);
        return figures().queue(name).orElseThrow(() -> new InvalidDestinationException("unknown queue '" + name
                + "': the journal holds no message and no consumer for it"));
    }

    /**
     * Rebuilds now, without blocking producers or consumers, the indexes of the journal's tables
     * that a drained backlog left far larger than their rows need (PostgreSQL), or defragments an
     * HSQLDB data file more than 4 times its live part (others wait while it copies the live rows);
     * the journal also does this by itself above {@code indexCompactionMinBytes} (README, "Index
     * compaction (PostgreSQL) and data file compaction (HSQLDB)"). Waits until done; the outcome says
     * what was compacted, or why nothing was (UNSUPPORTED on MariaDB).
     */
    public org.journalmq.persistence.IndexCompaction compactIndexes() throws JMSException {
        try {
            return journal.compactIndexes(true);
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "compact indexes");
        }
    }

    /** Deletes every message of a queue (ready, scheduled and in flight); returns how many. */
    public long purgeQueue(String name) throws JMSException {
        String address = MessageMover.queueAddress(name);
        requireManage("queue:" + name, "purge queue " + name);
        return purgeAddress(address, "queue " + name);
    }

    /** Deletes every message of one destination given by its figures (a queue or a subscription). */
    public long purge(DestinationFigures destination) throws JMSException {
        require(AccessGrant.Operation.MANAGE, destination, "purge " + destination.type() + " " + destination.name());
        return purgeAddress(destination.address(), destination.type() + " " + destination.name());
    }

    private long purgeAddress(String address, String what) throws JMSException {
        try {
            int n = journal.purge(address);
            org.slf4j.LoggerFactory.getLogger(JournalAdmin.class).info("JMQ5006 purged {} message(s) of {}", n, what);
            Audit.purge(journal.config(), what, n);
            return n;
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "purge " + what);
        }
    }

    /**
     * Moves the ready messages of a queue matching the request, in atomic batches (see
     * {@link MoveRequest}); scheduled and in-flight messages stay. Returns how many moved.
     *
     * @throws jakarta.jms.InvalidSelectorException for a bad selector, before anything moved
     * @throws InvalidDestinationException for an invalid queue name, before anything moved; or for a
     *         replayed message without an original destination, after the batches before it moved
     */
    public long move(MoveRequest request) throws JMSException {
        // the running total, for the audit line of a move that stops part way (its batches before
        // the failure stay moved)
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        java.util.function.LongConsumer progress = request.progress();
        MoveRequest counted = request.withProgress(total -> {
            done.set(total);
            if (progress != null) {
                progress.accept(total);
            }
        });
        String verb = request.replay() ? "replay dead letters of queue " : "move messages of queue ";
        // manage on the source; a move's target too, as a purge of it could undo the move. A replay
        // to the original destinations is not checked against each of them: managing the DLQ suffices.
        requireManage("queue:" + request.fromQueue(), verb + request.fromQueue());
        if (request.toQueue() != null) {
            requireManage("queue:" + request.toQueue(), verb + request.fromQueue() + " to queue " + request.toQueue());
        }
        long moved;
        try {
            moved = mover.move(counted);
        } catch (JMSException | RuntimeException e) {
            Audit.move(journal.config(), request.replay(), request.fromQueue(), request.toQueue(), request.selector(),
                    done.get(), e);
            throw e;
        }
        Audit.move(journal.config(), request.replay(), request.fromQueue(), request.toQueue(), request.selector(),
                moved, null);
        return moved;
    }

    /**
     * Up to {@code max} ready messages of a destination (a queue or a subscription, which a
     * QueueBrowser cannot show) in delivery order, matching the selector; claims nothing. Returns
     * {@code max + 1} messages at most, so the caller can tell that more wait.
     *
     * @throws jakarta.jms.InvalidSelectorException for a bad selector, before anything is read
     */
    public java.util.List<jakarta.jms.Message> browse(DestinationFigures destination, String selector, int max)
            throws JMSException {
        require(AccessGrant.Operation.BROWSE, destination, "browse " + destination.type() + " " + destination.name());
        org.journalmq.jms.selector.Selector s = org.journalmq.jms.selector.Selector.parse(selector);
        java.util.List<jakarta.jms.Message> found = new java.util.ArrayList<>();
        org.journalmq.persistence.BrowsePosition position = null;
        try {
            while (found.size() <= max) {
                java.util.List<org.journalmq.persistence.StoredMessage> page =
                        journal.browse(destination.address(), position, 200);
                if (page.isEmpty()) {
                    break;
                }
                for (org.journalmq.persistence.StoredMessage row : page) {
                    org.journalmq.jms.message.JournalMessage m = org.journalmq.jms.message.MessageCodec.decode(row.data());
                    m.markDelivered(row.deliveryCount() + 1); // what its next delivery will show, as a QueueBrowser does
                    if (s.matches(m) && found.size() <= max) {
                        found.add(m);
                    }
                }
                position = org.journalmq.persistence.BrowsePosition.after(page.get(page.size() - 1));
            }
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "browse " + destination.type() + " " + destination.name());
        }
        return found;
    }

    // ---------------------------------------------------------------- access control (issue 15 item 1)

    /** Every grant of the access control list, read now. Reading needs no permission of the list. */
    public List<AccessGrant> grants() throws JMSException {
        try {
            return journal.accessGrants();
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "list the access control list");
        }
    }

    /**
     * Adds grants, in one transaction. Permitted when the list is empty (the first grants bootstrap
     * it: give an administrator {@code manage} on {@code queue:*} and {@code topic:*} in this first
     * call, as nobody may change the list afterwards without both) or when this admin's user may
     * manage every queue and topic.
     *
     * @return how many of them did not exist yet
     */
    public int grant(List<AccessGrant> grants) throws JMSException {
        String what = "grant " + grants.stream().map(AccessGrant::toString).collect(java.util.stream.Collectors.joining(", "));
        List<AccessGrant> before = grants();
        AccessChecks.requireAclChange(journal, new AccessRules(before), what);
        try {
            int added = journal.grant(grants);
            for (AccessGrant g : grants) {
                Audit.aclGrant(journal.config(), g.toString(), !before.contains(g), before.isEmpty());
            }
            return added;
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, what);
        }
    }

    /** {@link #grant(List)} of one grant; false when it existed already. */
    public boolean grant(AccessGrant grant) throws JMSException {
        return grant(List.of(grant)) > 0;
    }

    /**
     * Removes a grant; needs {@code manage} on {@code queue:*} and {@code topic:*}, as {@link #grant}.
     * Revoking the last grant empties the list, which permits everything again.
     *
     * @return false when there was no such grant
     */
    public boolean revoke(AccessGrant grant) throws JMSException {
        String what = "revoke " + grant;
        AccessChecks.requireAclChange(journal, new AccessRules(grants()), what);
        try {
            boolean removed = journal.revoke(grant);
            Audit.aclRevoke(journal.config(), grant.toString(), removed);
            return removed;
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, what);
        }
    }

    private void requireManage(String resource, String what) throws JMSException {
        AccessChecks.require(journal, AccessGrant.Operation.MANAGE, resource, what);
    }

    /**
     * The operation on a destination given by its figures, named as patterns name it: a subscription
     * under its topic's pattern (issue 15 item 1); anything else the figures show (no kind known) only
     * for a manager of every queue and topic.
     */
    private void require(AccessGrant.Operation operation, DestinationFigures d, String what) throws JMSException {
        String resource = switch (d.type()) {
            case "queue" -> "queue:" + d.name();
            case "temporary-queue" -> "temp-queue:" + d.name();
            case "subscription" -> "topic:" + d.topic();
            default -> null;
        };
        if (resource == null) {
            AccessChecks.requireAclChange(journal, what);
        } else {
            AccessChecks.require(journal, operation, resource, what);
        }
    }

    /** Live journal clients in every JVM sharing the database. */
    public int clients() throws JMSException {
        return figures().clients();
    }

    /** Handles on this journal in this JVM: connections and admins. */
    public int connections() {
        return connections.getAsInt();
    }

    /** Sessions open on this journal in this JVM. */
    public int openSessions() {
        return openSessions.getAsInt();
    }

    /** The JDBC pool of the journal now. */
    public PoolFigures pool() {
        return journal.poolFigures();
    }

    /** The JDBC URL with any password masked. */
    public String url() {
        return org.journalmq.persistence.Journals.safeUrl(journal.config().jdbcUrl());
    }

    public String tablePrefix() {
        return journal.config().tablePrefix();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }
}
