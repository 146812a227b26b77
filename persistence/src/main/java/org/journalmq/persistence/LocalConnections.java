package org.journalmq.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.journalmq.persistence.jdbc.SqlErrors;

/**
 * The JDBC calls a local-transaction session (issue 6 item 4) makes on the application's own
 * DataSource and connection, outside any journal: taking the connection, turning auto-commit off,
 * closing it. They live here, not in the JMS facade, so that the facade holds no SQL (issue 19
 * item 3): an {@link SQLException} arrives there as a {@link JournalException} whose kind comes from
 * {@link SqlErrors#kindOf} and whose message carries the SQL state and the driver's text, any
 * password masked; the SQLException stays the cause.
 *
 * <p>What is done on the connection once a session has it (check, apply, commit, roll back) is the
 * journal's: {@link Journal#checkLocalConnection} and its siblings.
 */
public final class LocalConnections {
    private LocalConnections() {
    }

    /**
     * A connection from the application's DataSource.
     *
     * @throws JournalException of the SQL state's kind when the DataSource fails
     */
    public static Connection open(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Turns auto-commit off, so that the session's work and the application's share one transaction.
     *
     * @throws JournalException of the SQL state's kind when the connection refuses
     */
    public static void turnOffAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Closes the connection.
     *
     * @throws JournalException of the SQL state's kind when the close fails
     */
    public static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Closes the connection after another failure, which is the one to report: a failing close adds
     * nothing to it.
     */
    public static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the first failure is the one to report
        }
    }

    /**
     * A failure of the application's JDBC objects as a journal failure. The message is the one the
     * facade has always given for it ("SQLState x: driver text"): the facade prefixes what it was
     * doing. Not {@link SqlErrors#wrap}, which names a journal URL these objects do not have.
     */
    private static JournalException failure(SQLException e) {
        return new JournalException(SqlErrors.kindOf(e),
                "SQLState " + e.getSQLState() + ": " + SqlErrors.safeUrl(String.valueOf(e.getMessage())), e);
    }
}
