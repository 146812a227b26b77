package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractAcknowledgeTest} on Postgres. */
class PostgresAcknowledgeTest extends AbstractAcknowledgeTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
