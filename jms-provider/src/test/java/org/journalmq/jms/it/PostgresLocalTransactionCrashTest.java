package org.journalmq.jms.it;

/** {@link AbstractLocalTransactionCrashTest} on PostgreSQL. */
class PostgresLocalTransactionCrashTest extends AbstractLocalTransactionCrashTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
