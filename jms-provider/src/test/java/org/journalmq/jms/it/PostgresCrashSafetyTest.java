package org.journalmq.jms.it;

/** {@link AbstractCrashSafetyTest} on PostgreSQL. */
class PostgresCrashSafetyTest extends AbstractCrashSafetyTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
