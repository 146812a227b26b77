package org.journalmq.jms.transaction;

import javax.transaction.xa.XAException;
import org.journalmq.persistence.JournalException;

/**
 * XAException with a message: the JTA XAException carries either a code or a text, and an
 * operator needs both. Also maps journal failures to the XA codes of the calls that may return them.
 */
final class XaErrors {
    private XaErrors() {
    }

    static XAException error(int code, String message) {
        XAException e = new XAException(message + " (" + name(code) + ")");
        e.errorCode = code;
        return e;
    }

    static XAException error(int code, String message, Throwable cause) {
        XAException e = error(code, message);
        e.initCause(cause);
        return e;
    }

    /**
     * A failure reaching or using the journal: XAER_RMFAIL when the database is unreachable or the
     * journal closed (the resource manager is unavailable; the call may be retried), XAER_RMERR
     * otherwise.
     */
    static XAException journalFailure(String what, JournalException e) {
        int code = switch (e.kind()) {
            case UNAVAILABLE, CLOSED -> XAException.XAER_RMFAIL;
            default -> XAException.XAER_RMERR;
        };
        return error(code, what + " failed: " + e.getMessage(), e);
    }

    static String name(int code) {
        return switch (code) {
            case XAException.XA_RBROLLBACK -> "XA_RBROLLBACK";
            case XAException.XA_RBTIMEOUT -> "XA_RBTIMEOUT";
            case XAException.XA_RBINTEGRITY -> "XA_RBINTEGRITY";
            case XAException.XA_HEURCOM -> "XA_HEURCOM";
            case XAException.XA_HEURRB -> "XA_HEURRB";
            case XAException.XA_HEURMIX -> "XA_HEURMIX";
            case XAException.XAER_NOTA -> "XAER_NOTA";
            case XAException.XAER_PROTO -> "XAER_PROTO";
            case XAException.XAER_DUPID -> "XAER_DUPID";
            case XAException.XAER_INVAL -> "XAER_INVAL";
            case XAException.XAER_RMERR -> "XAER_RMERR";
            case XAException.XAER_RMFAIL -> "XAER_RMFAIL";
            case XAException.XAER_OUTSIDE -> "XAER_OUTSIDE";
            default -> "XA code " + code;
        };
    }
}
