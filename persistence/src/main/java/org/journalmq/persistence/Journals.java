package org.journalmq.persistence;

/** Opens journals. */
public final class Journals {
    private Journals() {
    }

    /**
     * Opens a journal: picks the dialect from the URL, creates the pool, applies migrations under a
     * lock, registers this client and starts maintenance.
     *
     * @throws JournalException UNAVAILABLE within the connect timeout when the database cannot be
     *                          reached (the message names the URL, never the password),
     *                          AUTHENTICATION when the credentials are refused,
     *                          INVALID_ARGUMENT when no dialect serves the URL
     */
    public static Journal open(JournalConfig config) {
        return org.journalmq.persistence.jdbc.JdbcJournal.open(config);
    }

    /**
     * The JDBC URL (or any text holding one) with the value of a {@code password=} parameter masked,
     * for messages and logs above the journal, which do not reach into the JDBC implementation.
     */
    public static String safeUrl(String jdbcUrl) {
        return org.journalmq.persistence.jdbc.SqlErrors.safeUrl(jdbcUrl);
    }
}
