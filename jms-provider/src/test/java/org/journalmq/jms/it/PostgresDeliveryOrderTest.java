package org.journalmq.jms.it;

/** {@link AbstractDeliveryOrderTest} on PostgreSQL. */
class PostgresDeliveryOrderTest extends AbstractDeliveryOrderTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
