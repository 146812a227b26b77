package org.journalmq.jms.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.journalmq.persistence.DestinationStats;
import org.journalmq.persistence.JournalOverview;
import org.journalmq.persistence.JournalTraffic;
import org.journalmq.persistence.Subscription;
import org.journalmq.persistence.TrafficCounts;
import org.junit.jupiter.api.Test;

/** How journal addresses become the names operators know (a pure mapping: no database needed). */
class FiguresBuilderTest {

    @Test
    void subscriptionNamesComeOutOfTheirAddresses() {
        assertEquals("audit", FiguresBuilder.subscriptionName("D:-:audit"));
        assertEquals("audit", FiguresBuilder.subscriptionName("D:5.app:1:audit"));
        assertEquals("a:b", FiguresBuilder.subscriptionName("S:3.c.d:a:b"), "a client ID with a dot and a name with a colon");
        assertEquals("N:1234", FiguresBuilder.subscriptionName("N:1234"), "unnamed: its address");
        assertEquals("D:garbage", FiguresBuilder.subscriptionName("D:garbage"), "not ours: shown as it is");
        assertEquals("orders", FiguresBuilder.nameOf("Q:orders"));
    }

    /**
     * Issue 13 item 3: which figures an estimated part of the journal's stats turns into estimates
     * (JournalAdmin#figures(long)); the ready/scheduled split is that of Jakarta Messaging 3.1 §7.9
     * (delivery delay), in flight that of §6.2.10 (delivered, not yet acknowledged).
     */
    @Test
    void estimatedPartsNameTheFiguresTheyMake() {
        JournalOverview overview = new JournalOverview(1_000, List.of(
                new DestinationStats("Q:DLQ.deep", 20_000, 0, 0, 5, true, false),
                new DestinationStats("Q:busy", 3, 20_000, 0, 5, false, true),
                new DestinationStats("Q:deep", 30_000, 2, 1, 50, true, false),
                new DestinationStats("Q:small", 2, 1, 0, 50)),
                Map.of(), List.of(), 1);
        JournalFigures f = FiguresBuilder.build(overview, new TrafficCounts(Map.of(), Map.of()));
        assertEquals(java.util.Set.of("depth", "ready", "scheduled", "oldestAgeMs", "dlqDepth"),
                f.queue("deep").orElseThrow().estimated(), "waiting part and its dead-letter queue estimated");
        assertEquals(java.util.Set.of("depth", "inFlight"), f.queue("busy").orElseThrow().estimated());
        assertEquals(java.util.Set.of(), f.queue("small").orElseThrow().estimated(), "every figure counted");
        assertTrue(f.queue("deep").orElseThrow().isEstimated(DestinationFigures.DLQ_DEPTH));
        assertFalse(f.queue("deep").orElseThrow().isEstimated(DestinationFigures.IN_FLIGHT));
    }

    @Test
    void figuresNameTypeAndDeadLetterDepthOfEachAddress() {
        JournalOverview overview = new JournalOverview(1_000, List.of(
                new DestinationStats("Q:orders", 2, 1, 0, 50),
                new DestinationStats("Q:DLQ.orders", 3, 0, 0, 70),
                new DestinationStats("Q:DLQ.prices", 4, 0, 0, 90),
                new DestinationStats("D:2.me:audit", 5, 0, 1, 10)),
                Map.of("Q:idle", 1, "D:2.me:audit", 2),
                List.of(new Subscription("D:2.me:audit", "T:prices", null, null, true, false)), 3);
        TrafficCounts traffic = new TrafficCounts(Map.of("Q:orders", 7L, "T:prices", 4L), Map.of("Q:orders", 6L));

        JournalFigures f = FiguresBuilder.build(overview, traffic);
        assertEquals(3, f.clients());
        DestinationFigures orders = f.queue("orders").orElseThrow();
        assertEquals("queue", orders.type());
        assertEquals(3, orders.depth());
        assertEquals(3, orders.dlqDepth());
        assertEquals(7, orders.enqueued());
        assertEquals(6, orders.acked());
        assertTrue(f.queue("idle").isPresent(), "a queue with a consumer and no message is known");
        assertEquals(0, f.queue("idle").get().depth());
        DestinationFigures audit = f.subscriptions("prices").get(0);
        assertEquals("audit", audit.name());
        assertEquals("prices", audit.topic());
        assertTrue(audit.durable());
        assertFalse(audit.shared());
        assertEquals(6, audit.depth());
        assertEquals(4, audit.dlqDepth(), "a subscription's dead letters are its topic's");
        assertEquals(2, audit.consumers());
        assertEquals(4, audit.enqueued(), "its topic's publications");
        assertFalse(f.queue("audit").isPresent());
    }

    /** Issue 18: the journal-wide counts (every JVM) sit beside this JVM's, from the overview's traffic. */
    @Test
    void journalWideCountsComeFromTheOverviewsTraffic() {
        JournalOverview overview = new JournalOverview(1_000, List.of(
                new DestinationStats("Q:orders", 2, 0, 0, 50), new DestinationStats("D:-:audit", 1, 0, 0, 10)),
                Map.of(), List.of(new Subscription("D:-:audit", "T:prices", null, null, true, false)), 2, List.of(),
                new JournalTraffic(1_000, Map.of("Q:orders", 70L, "T:prices", 40L),
                        Map.of("Q:orders", 60L, "D:-:audit", 30L)));
        TrafficCounts mine = new TrafficCounts(Map.of("Q:orders", 7L), Map.of("Q:orders", 6L));

        JournalFigures f = FiguresBuilder.build(overview, mine);
        DestinationFigures orders = f.queue("orders").orElseThrow();
        assertEquals(7, orders.enqueued(), "this JVM's");
        assertEquals(70, orders.journalEnqueued(), "every JVM's");
        assertEquals(60, orders.journalAcked());
        DestinationFigures audit = f.subscriptions("prices").get(0);
        assertEquals(40, audit.journalEnqueued(), "its topic's publications by every JVM");
        assertEquals(30, audit.journalAcked());
    }
}
