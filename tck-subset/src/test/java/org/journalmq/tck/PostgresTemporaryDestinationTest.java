package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractTemporaryDestinationTest} on Postgres. */
class PostgresTemporaryDestinationTest extends AbstractTemporaryDestinationTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
