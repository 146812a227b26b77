package org.journalmq.jms.it;

/** {@link AbstractXaCrashRecoveryTest} with the journal in an HSQLDB file (business rows in PostgreSQL). */
class HsqldbXaCrashRecoveryTest extends AbstractXaCrashRecoveryTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
