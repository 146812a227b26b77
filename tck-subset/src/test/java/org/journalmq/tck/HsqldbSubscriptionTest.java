package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractSubscriptionTest} on Hsqldb. */
class HsqldbSubscriptionTest extends AbstractSubscriptionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
