package org.journalmq.jms.it;

/** {@link AbstractExactlyOnceExamplesTest} on MariaDB (issue 17). */
class MariaDbExactlyOnceExamplesTest extends AbstractExactlyOnceExamplesTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
