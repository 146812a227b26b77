package org.journalmq.jms.it;

/** {@link AbstractAuditTest} on MariaDB (issue 17): the admin commands and the facade's refusals. */
class MariaDbAuditTest extends AbstractAuditTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }

    @Override
    protected String databaseUser() {
        return journal.user();
    }
}
