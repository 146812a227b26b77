package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractCallbackRulesTest} on Postgres. */
class PostgresCallbackRulesTest extends AbstractCallbackRulesTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
