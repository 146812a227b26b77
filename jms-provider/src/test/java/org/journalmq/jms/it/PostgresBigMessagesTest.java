package org.journalmq.jms.it;

/** {@link AbstractBigMessagesTest} on PostgreSQL. */
class PostgresBigMessagesTest extends AbstractBigMessagesTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }
}
