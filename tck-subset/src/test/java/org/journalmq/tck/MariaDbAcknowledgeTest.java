package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractAcknowledgeTest} on MariaDB. */
class MariaDbAcknowledgeTest extends AbstractAcknowledgeTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
