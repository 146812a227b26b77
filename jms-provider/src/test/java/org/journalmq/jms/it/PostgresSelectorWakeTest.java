package org.journalmq.jms.it;

/** {@link AbstractSelectorWakeTest} on PostgreSQL. */
class PostgresSelectorWakeTest extends AbstractSelectorWakeTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
