package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractMessageBodyTest} on MariaDB. */
class MariaDbMessageBodyTest extends AbstractMessageBodyTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
