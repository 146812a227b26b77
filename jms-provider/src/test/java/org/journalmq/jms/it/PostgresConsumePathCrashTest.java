package org.journalmq.jms.it;

/** {@link AbstractConsumePathCrashTest} on PostgreSQL. */
class PostgresConsumePathCrashTest extends AbstractConsumePathCrashTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
