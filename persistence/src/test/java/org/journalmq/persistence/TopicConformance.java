package org.journalmq.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.Test;

/** Subscriptions and fan-out at publish. Part of {@link JournalConformanceTest}. */
interface TopicConformance extends JournalFixture {
    String TOPIC = "T:prices";

    private static Subscription durable(String address, String selector) {
        return new Subscription(address, TOPIC, selector, null, true, false);
    }

    private static Publication publication(String body, java.util.function.Predicate<Subscription> filter) {
        return new Publication(new NewMessage(TOPIC, 4, 0, 0, null, body.getBytes(UTF_8)), filter);
    }

    private static List<String> bodies(Journal j, String address) {
        return j.claim(ClaimRequest.of(address, 100)).stream().map(m -> new String(m.data(), UTF_8)).toList();
    }

    @Test
    default void publishWritesOneRowPerAcceptingSubscription() {
        Journal j = open();
        j.subscribe(durable("D:a", null), "c1");
        j.subscribe(durable("D:b", "only-b"), "c2");
        j.writeAndWait(UnitOfWork.publish(publication("x", s -> s.selector() == null)));
        assertEquals(1, j.depth("D:a"));
        assertEquals(0, j.depth("D:b"), "a rejected copy is never written");
        assertEquals(List.of("x"), bodies(j, "D:a"));
    }

    /** A subscription committed by another client reaches the next publish of a client with a cached list. */
    @Test
    default void publishSeesSubscriptionsCommittedByAnotherClient() {
        Journal publisher = open();
        Journal other = open();
        publisher.subscribe(durable("D:first", null), "c1");
        publisher.writeAndWait(UnitOfWork.publish(publication("one", null))); // caches [first]
        other.subscribe(durable("D:second", null), "c2");
        publisher.writeAndWait(UnitOfWork.publish(publication("two", null)));
        assertEquals(List.of("one", "two"), bodies(other, "D:first"));
        assertEquals(List.of("two"), bodies(other, "D:second"));
        other.detach("c2");
        other.unsubscribe("D:second");
        publisher.writeAndWait(UnitOfWork.publish(publication("three", null)));
        assertEquals(0, other.depth("D:second"), "an unsubscribed address gets nothing");
    }

    @Test
    default void subscribeRulesAndOutcomes() {
        Journal j = open();
        assertEquals(SubscribeOutcome.CREATED, j.subscribe(durable("D:s", null), "c1"));
        assertEquals(Kind.CONFLICT, assertThrows(JournalException.class,
                () -> j.subscribe(durable("D:s", null), "c2")).kind(), "unshared with an active consumer");
        j.detach("c1");
        assertEquals(SubscribeOutcome.ATTACHED, j.subscribe(durable("D:s", null), "c3"));
        j.detach("c3");
        j.writeAndWait(UnitOfWork.publish(publication("old", null)));
        assertEquals(SubscribeOutcome.REPLACED, j.subscribe(durable("D:s", "x > 1"), "c4"));
        assertEquals(0, j.depth("D:s"), "replacing drops the messages");
        assertEquals(Kind.CONFLICT, assertThrows(JournalException.class,
                () -> j.unsubscribe("D:s")).kind());
        j.detach("c4");
        j.unsubscribe("D:s");
        assertEquals(Kind.NOT_FOUND, assertThrows(JournalException.class, () -> j.unsubscribe("D:s")).kind());
        assertEquals(Kind.CONFLICT, assertThrows(JournalException.class, () -> {
            j.subscribe(new Subscription("D:t", TOPIC, null, null, true, true), "c5");
            j.subscribe(durable("D:t", null), "c6");
        }).kind(), "shared and unshared may not share an address");
    }

    @Test
    default void nonDurableSubscriptionEndsWithItsLastConsumer() {
        Journal j = open();
        Subscription shared = new Subscription("S:n", TOPIC, null, null, false, true);
        j.subscribe(shared, "c1");
        j.subscribe(shared, "c2");
        j.detach("c1");
        j.writeAndWait(UnitOfWork.publish(publication("kept", null)));
        assertEquals(1, j.depth("S:n"));
        j.detach("c2");
        assertEquals(0, j.depth("S:n"));
        assertTrue(j.subscriptions(TOPIC).isEmpty());
    }

    @Test
    default void largeBodyForSeveralSubscriptionsIsStoredOnce() {
        Journal j = open();
        for (int i = 0; i < 3; i++) {
            j.subscribe(durable("D:big" + i, null), "c" + i);
        }
        byte[] body = new byte[64 * 1024];
        new Random(1).nextBytes(body);
        j.writeAndWait(UnitOfWork.publish(new Publication(new NewMessage(TOPIC, 4, 0, 0, null, body), null)));
        for (int i = 0; i < 3; i++) {
            List<StoredMessage> got = j.claim(ClaimRequest.of("D:big" + i, 10));
            assertEquals(1, got.size());
            assertArrayEquals(body, got.get(0).data());
        }
        assertEquals(1, count("BODY"));
    }

    @Test
    default void clientNamesAreExclusiveAmongLiveClients() {
        Journal a = open();
        Journal b = open();
        a.reserveClientName("app");
        assertEquals(Kind.CONFLICT, assertThrows(JournalException.class, () -> b.reserveClientName("app")).kind());
        a.releaseClientName("app");
        b.reserveClientName("app");
        b.close();
        a.reserveClientName("app"); // freed at close
    }

    /** Rows of a journal table, by suffix. */
    default long count(String table) {
        try (var c = TestDatabases.connect(config());
             var ps = c.prepareStatement("SELECT COUNT(*) FROM " + config().tablePrefix() + table);
             var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
