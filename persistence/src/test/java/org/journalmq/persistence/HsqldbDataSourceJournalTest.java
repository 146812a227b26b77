package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.hsqldb.jdbc.JDBCDataSource;
import org.journalmq.persistence.dialect.Dialects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite on an embedded HSQLDB file database reached through a caller-supplied
 * {@link javax.sql.DataSource} (issue 7: "the JNDI name of a container DataSource"), as a container
 * would hand it over: the journal opens no pool of its own and leaves the database to its owner.
 */
class HsqldbDataSourceJournalTest extends JournalConformanceTest {
    @TempDir
    Path directory;
    private String url;

    @Override
    protected JournalConfig.Builder freshConfig() {
        String plain = TestDatabases.hsqldbFileUrl(directory);
        // The owner of an HSQLDB DataSource gives the journal's database options in its URL (README).
        url = Dialects.forUrl(plain).orElseThrow().prepareUrl(plain);
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl(url);
        ds.setUser("SA");
        ds.setPassword("");
        return JournalConfig.builder(ds);
    }

    @Override
    public String unreachableUrl(int port) {
        return "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/journal;password=secretpw";
    }

    @Override
    public JournalConfig wrongCredentials(JournalConfig base) {
        return base.toBuilder().user("NOBODY").password("wrong").build();
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
        TestDatabases.shutdownHsqldb(url); // the owner's job: the journal does not shut it down
    }

    @Test
    void theDialectAndUrlComeFromTheConnectionAndThePoolIsTheCallers() throws Exception {
        Journal journal = open();
        assertNull(config.jdbcUrl(), "configured by DataSource only");
        assertTrue(journal.config().jdbcUrl().startsWith("jdbc:hsqldb:file:"), journal.config().jdbcUrl());
        assertSame(config.dataSource(), journal.config().dataSource());
        assertEquals(new PoolFigures(0, 0, 0, 0, 0), journal.poolFigures(), "no pool of the journal's own");
        journal.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "via DataSource")));
        journal.close();
        // The database stays open after the journal closed: its owner decides when to shut it down.
        try (Connection c = config.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM JMQ_DELIVERY")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
        Journal again = open();
        List<StoredMessage> claimed = again.claim(ClaimRequest.of(QUEUE, 10));
        assertEquals(1, claimed.size());
        assertEquals("via DataSource", ConformanceSupport.body(claimed.get(0)));
    }
}
