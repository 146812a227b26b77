package org.journalmq.jms.it;

/** {@link AbstractSelectorConsumerTest} on PostgreSQL. */
class PostgresSelectorConsumerTest extends AbstractSelectorConsumerTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
