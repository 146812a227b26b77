package org.journalmq.jms.it;

/** {@link AbstractSelectorWakeTest} on an embedded HSQLDB file journal. */
class HsqldbSelectorWakeTest extends AbstractSelectorWakeTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
