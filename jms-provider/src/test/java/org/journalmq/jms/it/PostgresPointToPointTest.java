package org.journalmq.jms.it;

/** {@link AbstractPointToPointTest} on PostgreSQL. */
class PostgresPointToPointTest extends AbstractPointToPointTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
