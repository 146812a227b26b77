package org.journalmq.jms.it;

import org.journalmq.persistence.Journals;
import org.junit.jupiter.api.Test;

/** {@link AbstractAuditTest} on HSQLDB, whose default user (the test factory sets none) is SA. */
class HsqldbAuditTest extends AbstractAuditTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }

    @Override
    protected String databaseUser() {
        return "SA";
    }

    @Test
    void aRefusedLoginIsAuditedWithTheUserTriedAndNoPassword() throws Exception {
        // the database exists from here on: HSQLDB would make an unknown first user its administrator
        connect().getMetaData();
        assertLoginRefusedAudited("NOBODY", "wrong-Pass-audit-1", Journals.safeUrl(journal.url()));
    }
}
