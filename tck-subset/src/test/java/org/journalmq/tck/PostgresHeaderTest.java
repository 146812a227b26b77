package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractHeaderTest} on Postgres. */
class PostgresHeaderTest extends AbstractHeaderTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
