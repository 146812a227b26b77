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
     *                          AUTHENTICATION when the credentials are refused
     */
    public static Journal open(JournalConfig config) {
        throw new UnsupportedOperationException("JDBC journal not implemented yet");
    }
}
