package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractAuthenticationTest} on MariaDB. */
class MariaDbAuthenticationTest extends AbstractAuthenticationTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
