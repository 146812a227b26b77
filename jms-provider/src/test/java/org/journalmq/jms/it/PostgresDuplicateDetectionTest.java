package org.journalmq.jms.it;

/** {@link AbstractDuplicateDetectionTest} on PostgreSQL. */
class PostgresDuplicateDetectionTest extends AbstractDuplicateDetectionTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
