package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractPropertyTest} on Postgres. */
class PostgresPropertyTest extends AbstractPropertyTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
