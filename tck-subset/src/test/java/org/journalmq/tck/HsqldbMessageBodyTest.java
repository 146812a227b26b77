package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractMessageBodyTest} on Hsqldb. */
class HsqldbMessageBodyTest extends AbstractMessageBodyTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
