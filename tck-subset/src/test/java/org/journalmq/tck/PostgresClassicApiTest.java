package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractClassicApiTest} on Postgres. */
class PostgresClassicApiTest extends AbstractClassicApiTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
