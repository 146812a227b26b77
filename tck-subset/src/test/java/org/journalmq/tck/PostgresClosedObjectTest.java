package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractClosedObjectTest} on Postgres. */
class PostgresClosedObjectTest extends AbstractClosedObjectTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
