package org.journalmq.persistence;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One consumer's way to the rows of one journal address, opened with
 * {@link Journal#openReceiver}. It claims with {@link #fetch}, and between fetches it may wait:
 * then the journal's writer hands this JVM's new rows for the address straight to it.
 *
 * <p>Waiting is what removes the claim from the consume path. A receiver waits only when its last
 * fetch found no ready row for it, so a row handed over never overtakes an older or
 * higher-priority row that was ready for it (Jakarta Messaging 3.1 §6.2.9). A send of this
 * journal that the receiver's filter accepts is then inserted already claimed for this client
 * (owner, lease, delivery count 1) in the sending transaction, and after that transaction commits
 * the row reaches {@link Callbacks#handedOver} from memory. Other JVMs see a normal lease: if this
 * JVM dies, the row comes back when the lease expires, with its delivery count.
 */
public interface Receiver extends AutoCloseable {

    /**
     * Commits {@code work} (typically the acks of the rows just consumed; may be empty) and claims up
     * to {@code max} ready rows for this receiver in the same transaction, group-committed with the
     * work of other threads. When the claim finds nothing, the receiver starts waiting, with room for
     * {@code max} handed-over rows. A fetch first stops any waiting that is still on.
     *
     * @return completes after the commit with the rows claimed, in delivery order; exceptionally with
     *         a {@link JournalException} as {@link Journal#write} does (then no row was claimed)
     */
    CompletableFuture<Fetched> fetch(UnitOfWork work, int max);

    /**
     * Stops waiting. Rows that a commit already under way hands over still reach
     * {@link Callbacks#handedOver}; the caller releases them if it no longer wants them.
     */
    void stopWaiting();

    /** Stops waiting for good; the claimed rows the consumer holds are the consumer's to release. */
    @Override
    void close();

    /**
     * What a receiver hears from the journal. Both run on a journal thread, so they must be quick
     * and must not block.
     */
    interface Callbacks {
        /** Rows handed over to this waiting receiver, committed and claimed for this client. */
        void handedOver(List<StoredMessage> rows);

        /**
         * Rows may have become ready for this receiver that were not handed over to it (a release, a
         * transaction committed on another connection, another JVM's send, a delivery delay that
         * ran out): fetch again.
         */
        void wake();
    }

    /**
     * The outcome of a fetch.
     *
     * @param rows    the rows claimed, in delivery order
     * @param waiting true when the receiver now waits for rows to be handed over
     * @param more    true when a filtered scan stopped part-way through the ready rows: fetch again
     */
    record Fetched(List<StoredMessage> rows, boolean waiting, boolean more) {
        public Fetched {
            rows = List.copyOf(rows);
        }
    }
}
