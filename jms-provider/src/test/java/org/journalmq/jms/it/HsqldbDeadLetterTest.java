package org.journalmq.jms.it;

/** {@link AbstractDeadLetterTest} on an embedded HSQLDB file journal. */
class HsqldbDeadLetterTest extends AbstractDeadLetterTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
