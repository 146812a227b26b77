package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractHeaderTest} on MariaDB. */
class MariaDbHeaderTest extends AbstractHeaderTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
