package org.journalmq.tck;

import org.journalmq.jms.it.TestJournal;

/** {@link AbstractAuthenticationTest} on Hsqldb. */
class HsqldbAuthenticationTest extends AbstractAuthenticationTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }
}
