package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractTemporaryDestinationTest} on MariaDB. */
class MariaDbTemporaryDestinationTest extends AbstractTemporaryDestinationTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
