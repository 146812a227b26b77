package org.journalmq.jms.it;

/** {@link AbstractDeliveryOrderTest} on MariaDB (issue 17). */
class MariaDbDeliveryOrderTest extends AbstractDeliveryOrderTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
