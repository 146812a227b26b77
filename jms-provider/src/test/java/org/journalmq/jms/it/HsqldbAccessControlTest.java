package org.journalmq.jms.it;

import org.journalmq.persistence.HsqldbUsers;

/**
 * {@link AbstractAccessControlTest} on HSQLDB, where per-destination authorization is JournalMQ's
 * alone (issue 15 item 1): the users have every right on the journal's tables.
 */
class HsqldbAccessControlTest extends AbstractAccessControlTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }

    @Override
    protected void createUser(String user) throws Exception {
        HsqldbUsers.create(journal.url(), user, PASSWORD);
    }

    @Override
    protected String alice() {
        return "ACL15_ALICE";
    }

    @Override
    protected String bob() {
        return "ACL15_BOB";
    }

    @Override
    protected String admin() {
        return "ACL15_ADMIN";
    }

    @Override
    protected String owner() {
        return "SA";
    }
}
