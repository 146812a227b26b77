package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractTransactionTest} on Postgres. */
class PostgresTransactionTest extends AbstractTransactionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
