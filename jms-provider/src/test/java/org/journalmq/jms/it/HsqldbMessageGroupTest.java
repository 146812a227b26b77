package org.journalmq.jms.it;

/** {@link AbstractMessageGroupTest} on an embedded HSQLDB file journal. */
class HsqldbMessageGroupTest extends AbstractMessageGroupTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
