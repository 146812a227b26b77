package org.journalmq.jms.it;

/** {@link AbstractExactlyOnceExamplesTest} on PostgreSQL. */
class PostgresExactlyOnceExamplesTest extends AbstractExactlyOnceExamplesTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
