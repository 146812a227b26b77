package org.journalmq.jms.it;

/** {@link AbstractSelectorConsumerTest} on an embedded HSQLDB file journal. */
class HsqldbSelectorConsumerTest extends AbstractSelectorConsumerTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
