package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractSimplifiedApiTest} on Hsqldb. */
class HsqldbSimplifiedApiTest extends AbstractSimplifiedApiTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
