package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractExceptionTest} on Postgres. */
class PostgresExceptionTest extends AbstractExceptionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
