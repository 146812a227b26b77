package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractTransactionTest} on MariaDB. */
class MariaDbTransactionTest extends AbstractTransactionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
