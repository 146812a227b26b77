package org.journalmq.jms.it;

/** {@link AbstractDeadLetterTest} on PostgreSQL. */
class PostgresDeadLetterTest extends AbstractDeadLetterTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
