package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractAsyncSendTest} on Postgres. */
class PostgresAsyncSendTest extends AbstractAsyncSendTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
