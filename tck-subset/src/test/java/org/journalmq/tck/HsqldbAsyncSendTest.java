package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractAsyncSendTest} on Hsqldb. */
class HsqldbAsyncSendTest extends AbstractAsyncSendTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
