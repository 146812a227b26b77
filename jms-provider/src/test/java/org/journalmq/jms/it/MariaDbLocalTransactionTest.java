package org.journalmq.jms.it;

/** {@link AbstractLocalTransactionTest} on MariaDB (issue 17). */
class MariaDbLocalTransactionTest extends AbstractLocalTransactionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
