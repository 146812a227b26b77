package org.journalmq.jms.it;

/** {@link AbstractRefusedObjectTest} on PostgreSQL. */
class PostgresRefusedObjectTest extends AbstractRefusedObjectTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
