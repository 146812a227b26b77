package org.journalmq.jms.it;

/** {@link AbstractDuplicateDetectionTest} on MariaDB (issue 17). */
class MariaDbDuplicateDetectionTest extends AbstractDuplicateDetectionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
