package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractClosedObjectTest} on MariaDB. */
class MariaDbClosedObjectTest extends AbstractClosedObjectTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
