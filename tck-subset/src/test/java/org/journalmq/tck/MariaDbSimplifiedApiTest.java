package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractSimplifiedApiTest} on MariaDB. */
class MariaDbSimplifiedApiTest extends AbstractSimplifiedApiTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
