package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractExceptionTest} on MariaDB. */
class MariaDbExceptionTest extends AbstractExceptionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
