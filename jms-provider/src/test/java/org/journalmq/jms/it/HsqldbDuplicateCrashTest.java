package org.journalmq.jms.it;

/** {@link AbstractDuplicateCrashTest} on an embedded HSQLDB file journal (each restart waits for the dead JVM's lock file). */
class HsqldbDuplicateCrashTest extends AbstractDuplicateCrashTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
