package org.journalmq.persistence;

/**
 * A journal failure. The {@link Kind} is decided here, from SQL state codes, so that the JMS
 * facade can map it to the right exception without knowing SQL.
 */
public class JournalException extends RuntimeException {

    /** What kind of failure this is. */
    public enum Kind {
        /** The database cannot be reached or the connection broke; retrying later may work. */
        UNAVAILABLE,
        /** The database refused the credentials. */
        AUTHENTICATION,
        /**
         * The TLS handshake with the database failed: its certificate is not signed by a trusted CA
         * or does not name the host. Retrying does not help; the settings must change.
         */
        TLS,
        /** An ack or release names a row this client no longer holds (lease expired or taken). */
        LEASE_LOST,
        /** A caller passed something the journal cannot store (bad name, too long, null). */
        INVALID_ARGUMENT,
        /** The journal was closed. */
        CLOSED,
        /** The schema is missing, newer than this code, or a migration failed. */
        SCHEMA,
        /**
         * The request conflicts with the journal's state: a client name already in use, a
         * subscription with an active consumer that may not be changed or removed, a subscription
         * of another kind under the same name.
         */
        CONFLICT,
        /** A named thing (e.g. a subscription) does not exist. */
        NOT_FOUND,
        /**
         * The connection broke while the database was committing (the JDBC {@code commit()} call
         * itself failed) and the journal could not find out afterwards whether the transaction
         * committed: its sends may or may not be stored, its acks may or may not be applied. Never
         * retried by the journal (a retry could store a message twice).
         */
        OUTCOME_UNKNOWN,
        /**
         * The database could not write because its disk or file system is full (PostgreSQL's
         * 53100, HSQLDB's failed log or data file write): the failed work was not committed,
         * committed work is kept; sends work again once space is freed.
         */
        DISK_FULL,
        /**
         * The operation is not permitted for this client's principal (issue 15): refused by
         * JournalMQ's per-destination access rules or, on PostgreSQL, by the database itself
         * (privileges or row-level security, SQLState 42501). Retrying does not help.
         */
        FORBIDDEN,
        /** Anything else the database reported. */
        INTERNAL
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    public JournalException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public JournalException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
