package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractSubscriptionTest} on Postgres. */
class PostgresSubscriptionTest extends AbstractSubscriptionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
