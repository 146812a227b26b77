package org.journalmq.jms.it;

/** {@link AbstractSelectorConsumerTest} on MariaDB (issue 17). */
class MariaDbSelectorConsumerTest extends AbstractSelectorConsumerTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
