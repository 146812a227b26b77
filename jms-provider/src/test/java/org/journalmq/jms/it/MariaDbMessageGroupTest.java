package org.journalmq.jms.it;

/** {@link AbstractMessageGroupTest} on MariaDB (issue 17). */
class MariaDbMessageGroupTest extends AbstractMessageGroupTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
