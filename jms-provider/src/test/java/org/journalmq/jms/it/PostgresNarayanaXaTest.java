package org.journalmq.jms.it;

/** {@link AbstractNarayanaXaTest}: journal and business rows in PostgreSQL (PGXADataSource). */
class PostgresNarayanaXaTest extends AbstractNarayanaXaTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }

    @Override
    protected BusinessDb business() throws Exception {
        return BusinessDb.postgres();
    }
}
