package org.journalmq.jms.it;

/** {@link AbstractRefusedObjectTest} on an embedded HSQLDB file journal. */
class HsqldbRefusedObjectTest extends AbstractRefusedObjectTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
