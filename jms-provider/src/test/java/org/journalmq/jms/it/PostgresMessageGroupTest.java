package org.journalmq.jms.it;

/** {@link AbstractMessageGroupTest} on PostgreSQL. */
class PostgresMessageGroupTest extends AbstractMessageGroupTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
