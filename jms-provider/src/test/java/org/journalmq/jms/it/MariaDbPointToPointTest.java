package org.journalmq.jms.it;

/** {@link AbstractPointToPointTest} on MariaDB (issue 17). */
class MariaDbPointToPointTest extends AbstractPointToPointTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
