package org.journalmq.jms.it;

/** {@link AbstractCrashSafetyTest} on MariaDB (issue 17): child JVMs killed with kill -9. */
class MariaDbCrashSafetyTest extends AbstractCrashSafetyTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
