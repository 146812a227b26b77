package org.journalmq.jms.it;

/**
 * {@link AbstractHandoffCrashTest} on PostgreSQL: the JVMs share the journal. (An embedded HSQLDB
 * file journal is opened by one JVM at a time, so no other JVM can consume while the child lives.)
 */
class PostgresHandoffCrashTest extends AbstractHandoffCrashTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
