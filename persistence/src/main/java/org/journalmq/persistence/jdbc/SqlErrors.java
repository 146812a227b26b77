package org.journalmq.persistence.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Pattern;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;

/**
 * The one place that turns an {@link SQLException} into a {@link JournalException.Kind}, by SQL
 * state, so that nothing above the journal has to know SQL state codes. The SQLException stays
 * attached as cause.
 */
public final class SqlErrors {
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)(password\\s*=)[^&;]*");

    private SqlErrors() {
    }

    /** The URL with the value of any {@code password=} parameter masked, for messages and logs. */
    public static String safeUrl(String jdbcUrl) {
        return jdbcUrl == null ? null : PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1****");
    }

    /** The kind of failure an SQLException stands for. */
    public static Kind kindOf(SQLException e) {
        String state = sqlState(e);
        if (state == null) {
            // Hikari's "Connection is not available, request timed out" copies the state of the
            // last connection failure; without one it is still a database we cannot reach.
            return e instanceof SQLTransientConnectionException ? Kind.UNAVAILABLE : Kind.INTERNAL;
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
            return Kind.UNAVAILABLE; // connection exception, admin shutdown, too many connections
        }
        if (state.startsWith("28")) {
            return Kind.AUTHENTICATION;
        }
        if (state.startsWith("42") || state.startsWith("3F")) {
            return Kind.SCHEMA; // missing table or column, no privilege, missing schema
        }
        if (state.startsWith("22")) {
            return Kind.INVALID_ARGUMENT; // value too long or out of range
        }
        return e instanceof SQLTransientConnectionException ? Kind.UNAVAILABLE : Kind.INTERNAL;
    }

    /** True for failures a retry of the whole transaction resolves (write conflicts, deadlocks). */
    public static boolean isRetryable(SQLException e) {
        String state = sqlState(e);
        return "40001".equals(state) || "40P01".equals(state);
    }

    /**
     * Wraps an SQLException.
     *
     * @param action what the journal was doing, e.g. "claim"
     * @param e      the failure
     * @param url    the journal URL (its password is masked)
     */
    public static JournalException wrap(String action, SQLException e, String url) {
        Kind kind = kindOf(e);
        String where = kind == Kind.UNAVAILABLE || kind == Kind.AUTHENTICATION
                ? (kind == Kind.UNAVAILABLE ? "database unavailable: " : "database refused the credentials: ")
                : "";
        String message = where + action + " failed on " + safeUrl(url) + " (SQLState " + sqlState(e) + "): "
                + safeUrl(String.valueOf(e.getMessage())) + rootCause(e);
        return new JournalException(kind, message, e);
    }

    /** The innermost cause's message when it adds something (the pool's timeout hides it). */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == e || root.getMessage() == null || String.valueOf(e.getMessage()).contains(root.getMessage())) {
            return "";
        }
        return "; cause: " + safeUrl(root.getMessage());
    }

    /** The first SQL state in the exception or its causes. */
    static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
