package org.journalmq.bench.peer;

import jakarta.jms.ConnectionFactory;

/**
 * A messaging provider the scenarios drive through the jakarta.jms API alone: JournalMQ itself or
 * an embedded peer broker. Queues and topics are created through the API (every peer here creates
 * them on first use) and drained by receiving, so a peer only has to start, yield connection
 * factories, and stop.
 */
public interface Peer extends AutoCloseable {

    /** The --peer value: journalmq, artemis, classic-kahadb, classic-jdbc. */
    String name();

    /** Where messages are stored, for the table's journal column (hsqldb-file, postgresql, kahadb, ...). */
    String store();

    /** True for JournalMQ: the journal-only scenarios (local-tx, xa, raw-commit, cross-jvm, idle) run on it alone. */
    default boolean isJournal() {
        return false;
    }

    /**
     * A connection factory whose consumers hold about {@code prefetch} messages of {@code size}
     * body bytes ahead of the application (each peer's own setting; see {@link #prefetchNote}).
     */
    ConnectionFactory factory(int prefetch, int size);

    /** How {@code prefetch} was set on this peer, for the notes column. */
    String prefetchNote(int prefetch, int size);

    /** Stops the broker and deletes what it created. */
    @Override
    void close() throws Exception;
}
