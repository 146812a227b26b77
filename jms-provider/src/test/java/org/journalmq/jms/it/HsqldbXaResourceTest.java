package org.journalmq.jms.it;

/** {@link AbstractXaResourceTest} on an embedded HSQLDB file journal. */
class HsqldbXaResourceTest extends AbstractXaResourceTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
