package org.journalmq.jms.it;

/** {@link AbstractBacklogTest} on an embedded HSQLDB file journal. */
class HsqldbBacklogTest extends AbstractBacklogTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
