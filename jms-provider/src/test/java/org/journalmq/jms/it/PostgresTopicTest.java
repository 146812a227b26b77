package org.journalmq.jms.it;

/** {@link AbstractTopicTest} on PostgreSQL. */
class PostgresTopicTest extends AbstractTopicTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
