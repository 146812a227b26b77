package org.journalmq.jms.it;

import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/** Hostile input on the shared MariaDB journal (tables under a random prefix; issue 17). */
class MariaDbHostileInputTest extends AbstractHostileInputTest {

    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.MARIADB;
    }

    /** READ COMMITTED and no bulk protocol, as the README asks of an application's DataSource. */
    @Override
    protected DataSource dataSource() {
        try {
            MariaDbDataSource ds = new MariaDbDataSource(journal.url()
                    + "?transactionIsolation=READ-COMMITTED&useBulkStmts=false&useBulkStmtsForInserts=false");
            ds.setUser(journal.user());
            return ds;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
