package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractAuthenticationTest} on Postgres. */
class PostgresAuthenticationTest extends AbstractAuthenticationTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
