package org.journalmq.jms.it;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Lost commits (issue 13) on the shared PostgreSQL journal (tables under a random prefix). */
class PostgresCommitOutcomeTest extends AbstractCommitOutcomeTest {

    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }

    @Override
    protected DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(journal.url());
        ds.setUser(journal.user());
        return ds;
    }
}
