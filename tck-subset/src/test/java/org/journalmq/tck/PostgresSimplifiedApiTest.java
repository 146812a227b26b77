package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractSimplifiedApiTest} on Postgres. */
class PostgresSimplifiedApiTest extends AbstractSimplifiedApiTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
