package org.journalmq.jms.it;

/** {@link AbstractSelectorWakeTest} on MariaDB (issue 17). */
class MariaDbSelectorWakeTest extends AbstractSelectorWakeTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
