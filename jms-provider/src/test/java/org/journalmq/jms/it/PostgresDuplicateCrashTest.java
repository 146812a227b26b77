package org.journalmq.jms.it;

/** {@link AbstractDuplicateCrashTest} on PostgreSQL. */
class PostgresDuplicateCrashTest extends AbstractDuplicateCrashTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
