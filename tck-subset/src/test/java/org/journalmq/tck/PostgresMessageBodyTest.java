package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractMessageBodyTest} on Postgres. */
class PostgresMessageBodyTest extends AbstractMessageBodyTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
