package org.journalmq.jms.it;

/** {@link AbstractXaResourceTest} on PostgreSQL. */
class PostgresXaResourceTest extends AbstractXaResourceTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
