package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 item 2: failover with pg_auto_failover. The journal connects with a multi-host URL
 * ({@code targetServerType=primary}); under load the primary node is killed (its pg_autoctl with its
 * postgres), the monitor promotes the synchronous standby, and the clients go on there: nothing
 * acknowledged is lost or delivered again (the same ledger as {@link PostgresRestartTest}).
 */
class PostgresFailoverTest {

    @RegisterExtension
    static final AutoFailoverCluster HA = new AutoFailoverCluster();

    /**
     * Above the failover time of pg_auto_failover's defaults (measured about 50 s here: the monitor
     * first finds the primary unhealthy, then waits for it to demote before it promotes the standby).
     * The leases must outlast the outage too, or the rows a consumer holds go back to the queue.
     */
    private static final long RECONNECT_MILLIS = 150_000;

    @Test
    @DisplayName("kill -9 of the primary (pg_autoctl and postgres) under load: clients go on at the promoted node")
    void primaryKilledUnderLoad() throws Exception {
        JournalConnectionFactory f = new JournalConnectionFactory(HA.url());
        f.setUser("postgres");
        f.setTablePrefix(TestDatabases.randomPrefix());
        f.setReconnectTimeoutMillis(RECONNECT_MILLIS);
        f.setLeaseMillis(RECONNECT_MILLIS);
        f.set(JournalConnectionFactory.JMX, "false");
        RestartLoad load = new RestartLoad(f, "failover-" + UUID.randomUUID());
        try (AuditLog log = new AuditLog()) {
            load.start();
            assertTrue(RestartLoad.await(120_000, () -> load.confirmedCount.get() >= 300), load.counts());
            long killed = System.nanoTime();
            HA.killNode(1);
            boolean promotedInTime = RestartLoad.await(RECONNECT_MILLIS, () -> AutoFailoverCluster.isPrimary(HA.nodePort(2)));
            assertTrue(promotedInTime, () -> "node 2 was not promoted; " + HA.describe());
            long promoted = System.nanoTime();
            assertTrue(RestartLoad.await(RECONNECT_MILLIS, () -> load.lastSendAt.get() > promoted), load.counts());
            long recovered = load.lastSendAt.get();
            long confirmedThen = load.confirmedCount.get();
            assertTrue(RestartLoad.await(120_000, () -> load.confirmedCount.get() >= confirmedThen + 300),
                    "consumers did not resume: " + load.counts());
            load.stopProducers();
            assertTrue(load.awaitAllDelivered(120_000), load.counts());
            load.close();
            load.drainRest(f);
            System.out.printf("FAILOVER kill -9 of the primary: promoted after %d ms, first send %d ms later; %s%n",
                    TimeUnit.NANOSECONDS.toMillis(promoted - killed),
                    Math.max(0, TimeUnit.NANOSECONDS.toMillis(recovered - promoted)), load.counts());
            assertEquals(List.of(), load.unexpected.stream().map(Throwable::toString).toList());
            assertEquals(List.of(), load.violations(true), load.counts());
            assertTrue(load.listenerCalls.get() >= 1, "the ExceptionListener was not told: " + load.counts());
        } finally {
            load.close();
        }
    }
}
