package org.journalmq.jms.it;

/** {@link AbstractBacklogTest} on PostgreSQL. */
class PostgresBacklogTest extends AbstractBacklogTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
