package org.journalmq.jms.it;

/** {@link AbstractDeliveryOrderTest} on an embedded HSQLDB file journal. */
class HsqldbDeliveryOrderTest extends AbstractDeliveryOrderTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
