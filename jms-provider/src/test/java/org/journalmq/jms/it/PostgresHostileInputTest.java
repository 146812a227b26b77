package org.journalmq.jms.it;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Hostile input on the shared PostgreSQL journal (tables under a random prefix). */
class PostgresHostileInputTest extends AbstractHostileInputTest {

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
