package org.journalmq.jms.it;

/** {@link AbstractDeadLetterTest} on MariaDB (issue 17). */
class MariaDbDeadLetterTest extends AbstractDeadLetterTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
