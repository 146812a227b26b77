package org.journalmq.jms.it;

/** {@link AbstractLocalTransactionTest} on PostgreSQL, journal and business tables in one database. */
class PostgresLocalTransactionTest extends AbstractLocalTransactionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
