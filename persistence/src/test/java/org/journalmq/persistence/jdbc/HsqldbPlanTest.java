package org.journalmq.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.Journals;
import org.journalmq.persistence.TestDatabases;
import org.journalmq.persistence.dialect.HsqldbDialect;
import org.journalmq.persistence.dialect.Tables;
import org.junit.jupiter.api.Test;

/**
 * HSQLDB sorts the whole backlog for ORDER BY ... LIMIT unless the plan walks an index (seconds per
 * claim at 200k rows). Guard the claim and browse queries' plans instead of timing them.
 */
class HsqldbPlanTest {

    @Test
    void claimAndBrowseQueriesReadTheClaimIndexInOrder() throws Exception {
        JournalConfig config = JournalConfig.builder(TestDatabases.hsqldbMemUrl()).build();
        Sql sql = new Sql(new HsqldbDialect(), new Tables(config.tablePrefix()));
        try (Journal journal = Journals.open(config);
             Connection c = TestDatabases.connect(config); Statement s = c.createStatement()) {
            for (String query : new String[] {sql.candidates, sql.candidatesSameRank, sql.candidatesLaterRanks}) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + query)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                String text = plan.toString();
                assertTrue(text.contains("index=" + config.tablePrefix() + "DELIVERY_CLAIM_IX"), text);
                assertTrue(text.contains("uses index"), "ORDER BY must walk the index:\n" + text);
            }
        } finally {
            TestDatabases.shutdownHsqldb(config.jdbcUrl());
        }
    }

    /**
     * The expiry sweep runs every maintenance round: through the lease index (state, lease_until),
     * which its {@code state = 0} matches, it walked every ready row of the journal each time (issue
     * 13, a million rows a round on a deep queue). It must start at the expiring rows instead.
     */
    @Test
    void theExpirySweepReadsTheExpiryIndex() throws Exception {
        JournalConfig config = JournalConfig.builder(TestDatabases.hsqldbMemUrl()).build();
        Sql sql = new Sql(new HsqldbDialect(), new Tables(config.tablePrefix()));
        try (Journal journal = Journals.open(config);
             Connection c = TestDatabases.connect(config); Statement s = c.createStatement()) {
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql.expiredRows)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            String text = plan.toString();
            assertTrue(text.contains("index=" + config.tablePrefix() + "DELIVERY_EXPIRY_IX"), text);
            assertTrue(text.contains("uses index"), "ORDER BY must walk the index:\n" + text);
        } finally {
            TestDatabases.shutdownHsqldb(config.jdbcUrl());
        }
    }
}
