package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractPropertyTest} on MariaDB. */
class MariaDbPropertyTest extends AbstractPropertyTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
