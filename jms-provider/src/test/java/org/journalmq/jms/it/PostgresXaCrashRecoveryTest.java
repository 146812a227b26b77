package org.journalmq.jms.it;

/** {@link AbstractXaCrashRecoveryTest} with the journal and the business rows in PostgreSQL. */
class PostgresXaCrashRecoveryTest extends AbstractXaCrashRecoveryTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
