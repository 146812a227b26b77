package org.journalmq.jms.it;

/** {@link AbstractPointToPointTest} on an embedded HSQLDB file journal. */
class HsqldbPointToPointTest extends AbstractPointToPointTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
