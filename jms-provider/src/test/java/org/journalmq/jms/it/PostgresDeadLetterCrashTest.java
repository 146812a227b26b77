package org.journalmq.jms.it;

/** {@link AbstractDeadLetterCrashTest} on PostgreSQL. */
class PostgresDeadLetterCrashTest extends AbstractDeadLetterCrashTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
