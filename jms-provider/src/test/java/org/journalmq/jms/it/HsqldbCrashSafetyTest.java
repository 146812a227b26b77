package org.journalmq.jms.it;

/** {@link AbstractCrashSafetyTest} on an embedded HSQLDB file journal, held by one JVM at a time. */
class HsqldbCrashSafetyTest extends AbstractCrashSafetyTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
