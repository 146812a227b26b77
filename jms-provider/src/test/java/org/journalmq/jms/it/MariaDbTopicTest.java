package org.journalmq.jms.it;

/** {@link AbstractTopicTest} on MariaDB (issue 17). */
class MariaDbTopicTest extends AbstractTopicTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }
}
