package org.journalmq.jms.it;

/** {@link AbstractRefusedObjectTest} on MariaDB (issue 17). */
class MariaDbRefusedObjectTest extends AbstractRefusedObjectTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
