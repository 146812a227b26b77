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
        if (isTlsFailure(e)) {
            return Kind.TLS; // the drivers say 08xxx, but waiting does not mend a refused certificate
        }
        if (isDiskFull(e)) {
            return Kind.DISK_FULL; // before the states: HSQLDB reports it as a general error, S1000
        }
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
        if (INSUFFICIENT_PRIVILEGE.equals(state) && isPostgres(e)) {
            // A missing GRANT, or a row a row-level security policy's WITH CHECK refuses (issue 15
            // item 1). HSQLDB says 42501 for "user lacks privilege or object not found", a
            // missing table as often as a missing right: it stays a schema failure there.
            return Kind.FORBIDDEN;
        }
        if (state.startsWith("42") || state.startsWith("3F")) {
            return Kind.SCHEMA; // missing table or column, no privilege, missing schema
        }
        if (state.startsWith("22")) {
            return Kind.INVALID_ARGUMENT; // value too long or out of range
        }
        return e instanceof SQLTransientConnectionException ? Kind.UNAVAILABLE : Kind.INTERNAL;
    }

    /**
     * True when a connection failed in its TLS handshake: the server's certificate is not signed by
     * the CA the client trusts or does not name the host, or the two sides share no protocol. The
     * drivers report it as a connection failure (08xxx), but waiting does not mend it: the
     * client's settings (sslmode, sslrootcert) or the server's certificate must change.
     */
    static boolean isTlsFailure(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's insufficient_privilege. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** True when the PostgreSQL driver raised the exception (or one of its causes). */
    private static boolean isPostgres(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getClass().getName().startsWith("org.postgresql.")) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's disk_full (class 53, insufficient resources); its other 53xxx stay as they are. */
    private static final String POSTGRES_DISK_FULL = "53100";

    /**
     * HSQLDB's "Data File size limit is reached" (error -468, state S1000): its .data file could not
     * grow, because the disk is full (it turns the IOException into this) or at its size limit.
     */
    private static final int HSQLDB_DATA_FILE_IS_FULL = -468;

    /**
     * True when the database could not write for lack of space: PostgreSQL's 53100 ("could not
     * extend file ...: No space left on device"); HSQLDB's data file that cannot grow; or an
     * embedded database's (HSQLDB's) failed log write, which it reports as SQL state S1000 with the
     * JVM's IOException in its causes. The IOException's text is the operating system's (ENOSPC on
     * Linux, ERROR_DISK_FULL on Windows).
     */
    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s && (POSTGRES_DISK_FULL.equals(s.getSQLState())
                    || "S1000".equals(s.getSQLState()) && s.getErrorCode() == HSQLDB_DATA_FILE_IS_FULL)) {
                return true;
            }
            if (t instanceof java.io.IOException && t.getMessage() != null
                    && (t.getMessage().contains("No space left on device")
                    || t.getMessage().contains("not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * MariaDB's "Lock wait timeout exceeded" (error 1205, SQL state HY000): InnoDB rolled back the
     * statement after waiting innodb_lock_wait_timeout for a row lock; the journal rolls back the
     * whole transaction, so a retry starts clean. MariaDB deadlocks (1213) carry 40001.
     */
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;

    /** True for failures a retry of the whole transaction resolves (write conflicts, deadlocks, lock waits). */
    public static boolean isRetryable(SQLException e) {
        String state = sqlState(e);
        if ("40001".equals(state) || "40P01".equals(state)) {
            return true;
        }
        // The error code alone means different things per driver: only with MariaDB's state.
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s && "HY000".equals(s.getSQLState())
                    && s.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT) {
                return true;
            }
        }
        return false;
    }

    /** MariaDB error numbers within SQL state 23000 (its one state for every integrity failure). */
    private static final int MARIADB_DUPLICATE_KEY = 1062;
    private static final int MARIADB_NULL_IN_NOT_NULL = 1048;

    /**
     * True when the exception (or its cause or next exception, as batch failures carry it) is a
     * unique-key clash: PostgreSQL's and HSQLDB's 23505, MariaDB's duplicate key (23000, 1062), and
     * MariaDB's NULL into a NOT NULL column (23000, 1048), which the journal never writes except as
     * the MariaDB dialect's signal of a duplicate id committed concurrently (see
     * MariaDbDialect#admitDuplicateId).
     */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException se && (isKeyClash(se) || se.getNextException() != null
                    && isKeyClash(se.getNextException()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKeyClash(SQLException e) {
        return "23505".equals(e.getSQLState()) || "23000".equals(e.getSQLState())
                && (e.getErrorCode() == MARIADB_DUPLICATE_KEY || e.getErrorCode() == MARIADB_NULL_IN_NOT_NULL);
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
        String where = kind == Kind.TLS ? "TLS handshake failed (check sslmode and sslrootcert): "
                : kind == Kind.UNAVAILABLE ? "database unavailable: "
                : kind == Kind.AUTHENTICATION ? "database refused the credentials: "
                : kind == Kind.DISK_FULL ? "the database's disk is full, nothing of this work was stored: "
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
