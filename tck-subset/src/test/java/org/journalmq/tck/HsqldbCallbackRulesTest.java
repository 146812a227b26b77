package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractCallbackRulesTest} on Hsqldb. */
class HsqldbCallbackRulesTest extends AbstractCallbackRulesTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
