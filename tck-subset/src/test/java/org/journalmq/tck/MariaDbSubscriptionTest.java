package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractSubscriptionTest} on MariaDB. */
class MariaDbSubscriptionTest extends AbstractSubscriptionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
