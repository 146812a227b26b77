package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractCallbackRulesTest} on MariaDB. */
class MariaDbCallbackRulesTest extends AbstractCallbackRulesTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
