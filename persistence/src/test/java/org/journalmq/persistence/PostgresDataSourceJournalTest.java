package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The conformance suite on PostgreSQL reached through a caller-supplied {@link javax.sql.DataSource}
 * (issue 7), each test with its own table prefix; skipped without PostgreSQL, mandatory when CI=true.
 */
class PostgresDataSourceJournalTest extends JournalConformanceTest {

    @Override
    protected JournalConfig.Builder freshConfig() {
        TestDatabases.assumePostgres();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestDatabases.postgresUrl());
        ds.setUser(TestDatabases.postgresUser());
        return JournalConfig.builder(ds).tablePrefix(TestDatabases.randomPrefix());
    }

    @Override
    public String unreachableUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/journal?user=journalmq&password=secretpw";
    }

    @Override
    public JournalConfig wrongCredentials(JournalConfig base) {
        return base.toBuilder().user("jmq_no_such_role").build();
    }

    /**
     * Not run here (no @Test): the pool is the DataSource owner's, so the journal reports zero
     * figures, which the DataSource test below asserts instead.
     */
    @Override
    public void poolFiguresComeFromThePool() {
    }

    @Override
    protected void cleanUp(JournalConfig config) {
        if (config != null) {
            TestDatabases.dropAll(config);
        }
    }

    @Test
    void theDialectComesFromTheConnection() {
        Journal journal = open();
        assertTrue(journal.config().jdbcUrl().startsWith("jdbc:postgresql:"), journal.config().jdbcUrl());
        journal.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "pg via DataSource")));
        List<StoredMessage> claimed = journal.claim(ClaimRequest.of(QUEUE, 10));
        assertEquals(1, claimed.size());
        assertEquals(new PoolFigures(0, 0, 0, 0, 0), journal.poolFigures(), "no pool of the journal's own");
    }
}
