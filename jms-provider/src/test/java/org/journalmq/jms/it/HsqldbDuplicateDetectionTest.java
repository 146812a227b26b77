package org.journalmq.jms.it;

/** {@link AbstractDuplicateDetectionTest} on an embedded HSQLDB file journal. */
class HsqldbDuplicateDetectionTest extends AbstractDuplicateDetectionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
