package org.journalmq.jms.it;

/** {@link AbstractConsumePathCrashTest} on an embedded HSQLDB file journal (one JVM at a time). */
class HsqldbConsumePathCrashTest extends AbstractConsumePathCrashTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
