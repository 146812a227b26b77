package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractHeaderTest} on Hsqldb. */
class HsqldbHeaderTest extends AbstractHeaderTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
