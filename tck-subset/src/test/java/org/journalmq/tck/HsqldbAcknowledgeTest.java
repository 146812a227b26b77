package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractAcknowledgeTest} on Hsqldb. */
class HsqldbAcknowledgeTest extends AbstractAcknowledgeTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
