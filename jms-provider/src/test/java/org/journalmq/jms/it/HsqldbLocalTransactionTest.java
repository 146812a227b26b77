package org.journalmq.jms.it;

/** {@link AbstractLocalTransactionTest} on an embedded HSQLDB file database holding journal and business tables. */
class HsqldbLocalTransactionTest extends AbstractLocalTransactionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
