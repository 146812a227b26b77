package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractExceptionTest} on Hsqldb. */
class HsqldbExceptionTest extends AbstractExceptionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
