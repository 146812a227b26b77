package org.journalmq.jms.it;

/** {@link AbstractXaResourceTest} on MariaDB (issue 17). */
class MariaDbXaResourceTest extends AbstractXaResourceTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
