package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractAsyncSendTest} on MariaDB. */
class MariaDbAsyncSendTest extends AbstractAsyncSendTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
