package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractTransactionTest} on Hsqldb. */
class HsqldbTransactionTest extends AbstractTransactionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
