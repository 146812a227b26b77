package org.journalmq.jms.it;

/** {@link AbstractExactlyOnceExamplesTest} on an embedded HSQLDB file journal. */
class HsqldbExactlyOnceExamplesTest extends AbstractExactlyOnceExamplesTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
