package org.journalmq.jms.it;

/** {@link AbstractLocalTransactionCrashTest} on an embedded HSQLDB file database. */
class HsqldbLocalTransactionCrashTest extends AbstractLocalTransactionCrashTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
