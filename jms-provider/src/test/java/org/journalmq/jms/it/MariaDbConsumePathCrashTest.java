package org.journalmq.jms.it;

/** {@link AbstractConsumePathCrashTest} on MariaDB (issue 17): child JVMs killed with kill -9. */
class MariaDbConsumePathCrashTest extends AbstractConsumePathCrashTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
