package org.journalmq.jms.it;

/** {@link AbstractNarayanaXaTest}: journal on an HSQLDB file, business rows in HSQLDB (JDBCXADataSource). */
class HsqldbNarayanaXaTest extends AbstractNarayanaXaTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }

    @Override
    protected BusinessDb business() throws Exception {
        return BusinessDb.hsqldb();
    }
}
