package org.journalmq.jms.it;

import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;

/** Lost commits (issue 13) on an embedded HSQLDB file journal. */
class HsqldbCommitOutcomeTest extends AbstractCommitOutcomeTest {

    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }

    @Override
    protected DataSource dataSource() {
        JDBCDataSource ds = new JDBCDataSource();
        // The options the journal's own URL would carry (HsqldbDialect): MVCC, fsync, cached tables.
        ds.setUrl(journal.url() + ";hsqldb.tx=mvcc;hsqldb.write_delay=false;hsqldb.default_table_type=cached");
        ds.setUser("SA");
        ds.setPassword("");
        return ds;
    }
}
