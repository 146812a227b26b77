package org.journalmq.jms.acl;

import jakarta.jms.JMSException;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.audit.Audit;
import org.journalmq.persistence.AccessGrant.Operation;
import org.journalmq.persistence.AccessRules;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalException;

/**
 * JournalMQ's side of per-destination authorization (issue 15 item 1): every operation of the
 * facade on a destination asks here, against the journal's cached access rules, before it touches
 * the journal. A refusal is audited (JMQ9106) and thrown as a FORBIDDEN journal failure through
 * {@link JmsExceptions#translate}, so it is a {@code JMSSecurityException} with code
 * {@value JmsExceptions#ACCESS_REFUSED} (its runtime twin in the simplified API).
 *
 * <p>Temporary destinations: consuming and browsing are decided by ownership alone (only the
 * creating connection), checked where consumers are created; sending follows the {@code send}
 * permission on {@code temp-queue:<name>}/{@code temp-topic:<name>}, as request/reply needs.
 *
 * <p>Internal: for the facade's packages.
 */
public final class AccessChecks {

    private AccessChecks() {
    }

    /**
     * Refuses the operation unless the journal's principals may do it on the destination. On the
     * send and consume paths: with no rules nothing is built, not even the destination's name.
     *
     * @param verb the action for the exception message, followed there by the destination, e.g. "send to"
     */
    public static void require(Journal journal, Operation operation, JournalDestination destination, String verb)
            throws JMSException {
        if (journal.accessRules().isEmpty()) {
            return;
        }
        require(journal, operation, destination.aclResource(), verb + " " + destination);
    }

    /** {@link #require(Journal, Operation, JournalDestination, String)} for a destination named as patterns name it. */
    public static void require(Journal journal, Operation operation, String resource, String what)
            throws JMSException {
        if (journal.accessRules().permits(journal.principals(), operation, resource)) {
            return;
        }
        throw refused(journal, operation.word(), resource, what);
    }

    /**
     * Whether the journal's principals may still consume from the destination, by the rules cached
     * now: for a consumer created when it was permitted, whose permission a revoke may have taken
     * away since. A temporary destination's own connection always may.
     */
    public static boolean mayConsume(Journal journal, JournalDestination destination) {
        AccessRules rules = journal.accessRules();
        return switch (destination.kind()) {
            case TEMPORARY_QUEUE, TEMPORARY_TOPIC -> true;
            case QUEUE, TOPIC -> rules.isEmpty()
                    || rules.permits(journal.principals(), Operation.CONSUME, destination.aclResource());
        };
    }

    /** Refuses a change of the access control list unless the principals manage every queue and topic. */
    public static void requireAclChange(Journal journal, String what) throws JMSException {
        requireAclChange(journal, journal.accessRules(), what);
    }

    /**
     * {@link #requireAclChange(Journal, String)} by the given rules: the list as just read, so that a
     * bootstrap (an empty list) is judged by the database's state, not by a snapshot that may be one
     * maintenance interval old.
     */
    public static void requireAclChange(Journal journal, AccessRules rules, String what) throws JMSException {
        if (!rules.permitsAclChanges(journal.principals())) {
            throw refused(journal, "manage", "queue:* and topic:*", what);
        }
    }

    private static JMSException refused(Journal journal, String operation, String resource, String what) {
        Audit.accessRefused(journal.config(), operation, resource);
        // names the database user, which is no secret; never the password
        String user = journal.principals().isEmpty() ? "this user" : journal.principals().get(0);
        return JmsExceptions.translate(new JournalException(JournalException.Kind.FORBIDDEN,
                operation + " on " + resource + " is not permitted for " + user), what);
    }
}
