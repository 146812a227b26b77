package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractClosedObjectTest} on Hsqldb. */
class HsqldbClosedObjectTest extends AbstractClosedObjectTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
