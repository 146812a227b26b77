package org.journalmq.jms.transaction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.client.Acknowledgements;
import org.journalmq.jms.client.Delivered;
import org.journalmq.jms.client.JournalSession;
import org.journalmq.jms.client.Redeliveries;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.Publication;
import org.journalmq.persistence.UnitOfWork;
import org.journalmq.persistence.XaId;

/**
 * One transaction branch of a JournalMQ resource manager while it lives in this JVM: the sessions
 * associated with it, and the work they did in it (taken from each session at
 * {@code XAResource.end}). Until prepare the work is only in memory: the sends are not written,
 * the consumed rows stay claimed under this client's renewed lease. All fields are guarded by the
 * owning {@link XaResourceManager}.
 */
final class XaBranch {

    /** Where a branch stands (X/Open XA branch states, simplified to what a caller can observe). */
    enum State {
        /** At least one session is associated (between start and end). */
        ACTIVE,
        /** Every association ended; it may still be joined or resumed, then prepared, committed, rolled back. */
        IDLE,
        /** Being prepared or committed: no other call may change it meanwhile. */
        COMPLETING,
        /** Durably prepared in the journal; only commit or rollback remain. */
        PREPARED
    }

    final XaId id;
    final Journal journal;
    State state = State.ACTIVE;
    /** Marked by end(TMFAIL): prepare and one-phase commit roll it back. */
    boolean rollbackOnly;
    /** The transaction timeout ran out before prepare: the work was rolled back. */
    boolean timedOut;
    final Set<JournalXASession> associated = new HashSet<>();
    final Set<JournalXASession> suspended = new HashSet<>();
    ScheduledFuture<?> timeout;
    private final List<NewMessage> sends = new ArrayList<>();
    private final List<Publication> publications = new ArrayList<>();
    private final List<Delivered> delivered = new ArrayList<>();

    XaBranch(XaId id, Journal journal) {
        this.id = id;
        this.journal = journal;
    }

    void add(Acknowledgements.TransactionWork work) {
        sends.addAll(work.sends());
        publications.addAll(work.publications());
        delivered.addAll(work.delivered());
    }

    boolean isEmpty() {
        return sends.isEmpty() && publications.isEmpty() && delivered.isEmpty();
    }

    boolean isAssociated() {
        return !associated.isEmpty() || !suspended.isEmpty();
    }

    /** The branch's work as one journal unit. */
    UnitOfWork unit() {
        return new Acknowledgements.TransactionWork(sends, publications, delivered).unit();
    }

    /**
     * Drops the work: the sends are forgotten, the consumed rows given back for redelivery with
     * their delivery count kept. Returns the rows to release, so that the caller releases them
     * outside its lock ({@link #release}).
     */
    List<Delivered> discard() {
        List<Delivered> rows = new ArrayList<>(delivered);
        sends.clear();
        publications.clear();
        delivered.clear();
        return rows;
    }

    /**
     * Gives consumed rows back under their sessions' redelivery policy, as a local rollback does:
     * after the policy's delay, or to the dead-letter queue when that was their last attempt. A
     * failure leaves them to lease expiry.
     */
    void release(List<Delivered> rows) {
        Map<JournalSession, List<Delivered>> bySession = new LinkedHashMap<>();
        for (Delivered d : rows) {
            bySession.computeIfAbsent(d.consumer().session(), s -> new ArrayList<>()).add(d);
        }
        bySession.forEach((session, own) -> Redeliveries.failed(session, own, DeadLetters.REASON_ROLLBACK));
    }

    void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}
