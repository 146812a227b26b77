package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractClassicApiTest} on Hsqldb. */
class HsqldbClassicApiTest extends AbstractClassicApiTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
