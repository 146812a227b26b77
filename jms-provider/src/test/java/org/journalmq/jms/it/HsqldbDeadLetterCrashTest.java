package org.journalmq.jms.it;

/** {@link AbstractDeadLetterCrashTest} on an embedded HSQLDB file journal (one JVM at a time). */
class HsqldbDeadLetterCrashTest extends AbstractDeadLetterCrashTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
