package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractTemporaryDestinationTest} on Hsqldb. */
class HsqldbTemporaryDestinationTest extends AbstractTemporaryDestinationTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
