package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.journalmq.persistence.ConformanceSupport.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operators' figures (issue 8: overview, queue consumers, per-JVM traffic counts, pool).
 * Part of {@link JournalConformanceTest}.
 */
interface OpsConformance extends JournalFixture {

    @Test
    default void overviewHoldsStatsConsumersSubscriptionsAndLiveClients() {
        Journal j = open();
        Journal other = open(); // a second client, as another JVM would be
        long later = j.now() + 600_000;
        sendAll(j, List.of(message("Q:a", 4, "1"), message("Q:a", 4, "2"),
                new NewMessage("Q:a", 4, later, 0, null, new byte[0]), message("Q:b", 4, "x")));
        j.claim(ClaimRequest.of("Q:a", 1));
        j.registerConsumer("Q:a", "c1");
        other.registerConsumer("Q:a", "c2");
        j.subscribe(new Subscription("D:-:audit", "T:t", null, null, true, false), "s1");

        JournalOverview o = other.overview();
        DestinationStats a = o.destinations().stream().filter(s -> s.destination().equals("Q:a")).findFirst().orElseThrow();
        assertEquals(1, a.ready());
        assertEquals(1, a.inFlight());
        assertEquals(1, a.scheduled());
        assertEquals(Map.of("Q:a", 2, "D:-:audit", 1), o.consumers());
        assertEquals(List.of("D:-:audit"), o.subscriptions().stream().map(Subscription::address).toList());
        assertEquals(2, o.liveClients());
        assertEquals(2, o.clients().size(), "every live client listed");
        LiveClient mine = o.clients().stream().filter(c -> c.clientId().equals(j.clientId())).findFirst().orElseThrow();
        assertEquals(2, mine.consumers(), "j's queue consumer c1 and subscriber s1");
        assertTrue(mine.heartbeatAt() >= mine.startedAt());
        assertTrue(Math.abs(o.takenAt() - j.now()) < 5_000, "taken on the journal clock");

        j.detach("c1");
        assertEquals(Map.of("Q:a", 1, "D:-:audit", 1), j.overview().consumers(), "detach forgets a queue consumer");
        other.close();
        assertEquals(Map.of("D:-:audit", 1), j.overview().consumers(), "close forgets its queue consumers");
        assertEquals(1, j.overview().liveClients());
    }

    @Test
    default void trafficCountsCommittedSendsAndAcksOfThisJournalOnly() {
        Journal j = open();
        Journal other = open();
        sendAll(j, List.of(message("Q:a", 4, "1"), message("Q:a", 4, "2"), message("Q:b", 4, "3")));
        sendAll(other, List.of(message("Q:a", 4, "elsewhere")));
        List<StoredMessage> claimed = j.claim(ClaimRequest.of("Q:a", 2));
        j.writeAndWait(UnitOfWork.ack(claimed.stream().map(StoredMessage::ack).toList()));

        TrafficCounts t = j.trafficCounts();
        assertEquals(2, t.enqueued("Q:a"));
        assertEquals(1, t.enqueued("Q:b"));
        assertEquals(2, t.acked("Q:a"));
        assertEquals(0, t.acked("Q:b"));
        assertEquals(1, other.trafficCounts().enqueued("Q:a"), "each journal counts its own work");
        assertEquals(0, other.trafficCounts().acked("Q:a"));

        StoredMessage left = other.claim(ClaimRequest.of("Q:a", 1)).get(0);
        JournalException stale = assertThrows(JournalException.class, () -> other.writeAndWait(
                UnitOfWork.ack(List.of(new Ack(left.id(), left.deliveryCount() + 5, "Q:a")))));
        assertEquals(JournalException.Kind.LEASE_LOST, stale.kind());
        assertEquals(0, other.trafficCounts().acked("Q:a"), "a failed unit counts nothing");
    }

    @Test
    default void poolFiguresComeFromThePool() {
        Journal j = open();
        sendAll(j, List.of(message("Q:a", 4, "1")));
        PoolFigures p = j.poolFigures();
        assertEquals(config().poolSize(), p.maximum());
        assertTrue(p.total() >= 1 && p.total() <= p.maximum(), p.toString());
        assertEquals(p.total(), p.active() + p.idle(), p.toString());
        assertEquals(0, p.waiting(), "nobody waits on an idle journal");
    }
}
