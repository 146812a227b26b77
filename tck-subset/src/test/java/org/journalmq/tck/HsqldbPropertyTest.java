package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractPropertyTest} on Hsqldb. */
class HsqldbPropertyTest extends AbstractPropertyTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
