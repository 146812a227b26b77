package org.journalmq.jms.it;

/** {@link AbstractTopicTest} on an embedded HSQLDB file journal. */
class HsqldbTopicTest extends AbstractTopicTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
