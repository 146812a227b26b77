package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractClassicApiTest} on MariaDB. */
class MariaDbClassicApiTest extends AbstractClassicApiTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
