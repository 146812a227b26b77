package org.journalmq.jms;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.journalmq.persistence.JournalException;

/**
 * The one place where journal failures become JMS exceptions, and checked JMS exceptions become
 * their {@link JMSRuntimeException} twins. The cause is kept both as {@code getCause()} and as the
 * linked exception, so nothing of the original failure is lost.
 *
 * <p>SQL failures, the application's own JDBC objects' included, arrive here already classified
 * as {@link JournalException} kinds by the persistence SPI ({@code LocalConnections} for those
 * objects): the facade holds no SQL (issue 19 item 3, checked by ArchitectureTest).
 */
public final class JmsExceptions {

    /** Error codes carried by the JMS exceptions made here. */
    public static final String DATABASE_UNAVAILABLE = "JMQ-DB-UNAVAILABLE";
    public static final String LEASE_LOST = "JMQ-LEASE-LOST";
    public static final String JOURNAL_ERROR = "JMQ-JOURNAL";
    /** A commit whose outcome nobody can tell: deliberately not a TransactionRolledBackException. */
    public static final String OUTCOME_UNKNOWN = "JMQ-OUTCOME-UNKNOWN";
    /** A send larger than the factory's maxMessageSize; nothing was written (issue 13). */
    public static final String MESSAGE_TOO_LARGE = "JMQ-MESSAGE-TOO-LARGE";
    /** The database's disk (or its file system) is full; committed messages are kept (issue 13). */
    public static final String DISK_FULL = "JMQ-DISK-FULL";
    /** An operation the access rules do not permit (issue 15): JournalMQ's check or the database's. */
    public static final String ACCESS_REFUSED = "JMQ-ACL";

    private JmsExceptions() {
    }

    /** Translates a journal failure met while doing {@code what} (e.g. "send to queue://orders"). */
    public static JMSException translate(JournalException e, String what) {
        String message = what + " failed: " + e.getMessage();
        JMSException jms = switch (e.kind()) {
            // the driver's text may name the user: the message says only what happened (issue 3:
            // credentials never in exception messages); the driver's exception stays the cause
            case AUTHENTICATION -> new JMSSecurityException(what + " failed: the database refused the credentials",
                    "JMQ-AUTH");
            // a refused certificate is a security restriction; the driver's text names no secret
            case TLS -> new JMSSecurityException(message, "JMQ-TLS");
            case CLOSED -> new IllegalStateException(message, "JMQ-CLOSED");
            case LEASE_LOST -> new JMSException(message, LEASE_LOST);
            case INVALID_ARGUMENT -> new JMSException(message, "JMQ-INVALID");
            case UNAVAILABLE -> new JMSException(message, DATABASE_UNAVAILABLE);
            // Issue 13: a resource the provider cannot allocate, said plainly; nothing of it was stored
            case DISK_FULL -> new ResourceAllocationException(message, DISK_FULL);
            // Issue 13: the spec's TransactionRolledBackException would be a lie when it committed.
            case OUTCOME_UNKNOWN -> new JMSException(message + "; " + UNKNOWN_ADVICE, OUTCOME_UNKNOWN);
            case SCHEMA, INTERNAL -> new JMSException(message, JOURNAL_ERROR);
            case CONFLICT -> new JMSException(message, "JMQ-CONFLICT");
            case NOT_FOUND -> new jakarta.jms.InvalidDestinationException(message, "JMQ-NOT-FOUND");
            // Issue 15: a permission missing is a security restriction, whoever enforced it
            case FORBIDDEN -> new JMSSecurityException(message, ACCESS_REFUSED);
        };
        return link(jms, e);
    }

    /**
     * The ExceptionListener's report of a database outage (issue 13): the connection stays open and
     * JournalMQ reconnects by itself; error code {@value #DATABASE_UNAVAILABLE}.
     */
    public static JMSException outage(JournalException e) {
        return link(new JMSException(e.getMessage(), DATABASE_UNAVAILABLE), e);
    }

    /** Translates the failure of a journal future (unwrapping Completion/ExecutionException). */
    public static JMSException translate(Throwable failure, String what) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof JournalException je) {
            return translate(je, what);
        }
        if (t instanceof JMSException je) {
            return je;
        }
        return link(new JMSException(what + " failed: " + t, JOURNAL_ERROR), t);
    }

    /** What the application should do when a commit's outcome is unknown. */
    static final String UNKNOWN_ADVICE = "it may or may not have taken effect, and JournalMQ did not retry it:"
            + " messages it acknowledged may or may not be delivered again (a redelivery has JMSRedelivered=true),"
            + " messages it sent may or may not be stored; process idempotently, or check before sending again"
            + " (a JMS_JournalMQ_DuplicateID on the message makes a resend safe)";

    /**
     * A transaction commit that could not be applied: its work is rolled back. A failure whose
     * outcome is unknown stays a plain JMSException (issue 13: Session.commit throws
     * TransactionRolledBackException only "if the transaction is rolled back").
     */
    public static JMSException rolledBack(Throwable cause, String what) {
        JMSException translated = translate(cause, what);
        if (OUTCOME_UNKNOWN.equals(translated.getErrorCode())) {
            return translated;
        }
        TransactionRolledBackException e = new TransactionRolledBackException(
                translated.getMessage() + "; the transaction was rolled back", translated.getErrorCode());
        return link(e, translated);
    }

    /** Keeps {@code cause} both as the linked exception and as the cause. */
    public static <T extends JMSException> T link(T jms, Throwable cause) {
        if (cause instanceof Exception ex) {
            jms.setLinkedException(ex);
        }
        if (jms.getCause() == null) {
            jms.initCause(cause);
        }
        return jms;
    }

    /** The {@link JMSRuntimeException} twin of a checked JMS exception, for the simplified API. */
    public static JMSRuntimeException toRuntime(JMSException e) {
        String m = e.getMessage();
        String c = e.getErrorCode();
        JMSRuntimeException r;
        if (e instanceof IllegalStateException) {
            r = new IllegalStateRuntimeException(m, c, e);
        } else if (e instanceof InvalidClientIDException) {
            r = new InvalidClientIDRuntimeException(m, c, e);
        } else if (e instanceof InvalidDestinationException) {
            r = new InvalidDestinationRuntimeException(m, c, e);
        } else if (e instanceof InvalidSelectorException) {
            r = new InvalidSelectorRuntimeException(m, c, e);
        } else if (e instanceof JMSSecurityException) {
            r = new JMSSecurityRuntimeException(m, c, e);
        } else if (e instanceof MessageFormatException) {
            r = new MessageFormatRuntimeException(m, c, e);
        } else if (e instanceof MessageNotWriteableException) {
            r = new MessageNotWriteableRuntimeException(m, c, e);
        } else if (e instanceof ResourceAllocationException) {
            r = new ResourceAllocationRuntimeException(m, c, e);
        } else if (e instanceof TransactionInProgressException) {
            r = new TransactionInProgressRuntimeException(m, c, e);
        } else if (e instanceof TransactionRolledBackException) {
            r = new TransactionRolledBackRuntimeException(m, c, e);
        } else {
            r = new JMSRuntimeException(m, c, e);
        }
        return r;
    }
}
