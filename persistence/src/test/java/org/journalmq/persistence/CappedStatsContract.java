package org.journalmq.persistence;

import static org.journalmq.persistence.ConformanceSupport.message;
import static org.journalmq.persistence.ConformanceSupport.sendAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operators' figures at a bounded cost (issue 13 item 3): {@link Journal#overview(long)} counts a
 * destination's waiting and in-flight rows exactly up to the limit and marks what it estimates above
 * it. The figures are those of Jakarta Messaging 3.1 §7.9 (a message whose delivery time lies ahead
 * is scheduled, not ready) and §6.2.10 (a delivered, unacknowledged message is in flight). A small
 * limit stands in for the millions, so that the tests need only tens of rows.
 */
abstract class CappedStatsContract {
    static final String DEEP = "Q:deep";
    static final String SMALL = "Q:small";
    static final int LIMIT = 10;

    private final List<Journal> opened = new ArrayList<>();
    JournalConfig config;

    /** A configuration on a database (or table prefix) of this test alone. */
    abstract JournalConfig.Builder freshConfig();

    /** Frees the database of the test. */
    abstract void cleanUp(JournalConfig config);

    Journal open() {
        if (config == null) {
            config = freshConfig().build();
        }
        Journal j = Journals.open(config);
        opened.add(j);
        return j;
    }

    @AfterEach
    void closeJournals() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        if (config != null) {
            cleanUp(config);
        }
    }

    /** 30 rows on DEEP (one of them scheduled 10 min ahead), 3 of them claimed; 5 rows on SMALL. */
    Journal filled() {
        Journal j = open();
        List<NewMessage> rows = new ArrayList<>(IntStream.range(0, 29).mapToObj(i -> message(DEEP, 4, "d" + i)).toList());
        rows.add(new NewMessage(DEEP, 4, j.now() + 600_000, 0, null, new byte[0]));
        rows.addAll(IntStream.range(0, 5).mapToObj(i -> message(SMALL, 4, "s" + i)).toList());
        sendAll(j, rows);
        assertEquals(3, j.claim(ClaimRequest.of(DEEP, 3)).size());
        return j;
    }

    static DestinationStats of(JournalOverview o, String destination) {
        return o.destinations().stream().filter(s -> s.destination().equals(destination)).findFirst()
                .orElseThrow(() -> new AssertionError(destination + " missing from " + o.destinations()));
    }

    @Test
    void belowTheLimitEveryFigureIsExactAndUnmarked() {
        Journal j = filled();
        JournalOverview o = j.overview(100);
        DestinationStats deep = of(o, DEEP);
        assertEquals(26, deep.ready());
        assertEquals(3, deep.inFlight());
        assertEquals(1, deep.scheduled());
        assertFalse(deep.estimated(), deep.toString());
        DestinationStats small = of(o, SMALL);
        assertEquals(5, small.ready());
        assertFalse(small.estimated());
        assertEquals(List.of(DEEP, SMALL), o.destinations().stream().map(DestinationStats::destination).toList(),
                "every destination found, in order");
    }

    @Test
    void aboveTheLimitTheWaitingFiguresAreMarkedEstimatesAndTheRestStaysExact() {
        Journal j = filled();
        DestinationStats deep = of(j.overview(LIMIT), DEEP);
        assertTrue(deep.waitingEstimated(), "27 waiting rows, limit 10: " + deep);
        assertFalse(deep.inFlightEstimated(), "3 in flight stay counted: " + deep);
        assertEquals(3, deep.inFlight());
        assertTrue(deep.ready() + deep.scheduled() > LIMIT, "never below what was read: " + deep);
        DestinationStats small = of(j.overview(LIMIT), SMALL);
        assertFalse(small.estimated(), "5 rows are counted however deep another queue is");
        assertEquals(5, small.ready());
    }

    @Test
    void theLimitIsPerPartSoManyInFlightRowsAreEstimatedToo() {
        Journal j = filled();
        assertEquals(LIMIT + 2, j.claim(ClaimRequest.of(DEEP, LIMIT + 2)).size());
        DestinationStats deep = of(j.overview(LIMIT), DEEP);
        assertTrue(deep.inFlightEstimated(), "15 in flight, limit 10: " + deep);
        assertTrue(deep.waitingEstimated(), "15 waiting, limit 10: " + deep);
        DestinationStats exact = of(j.overview(Long.MAX_VALUE), DEEP);
        assertEquals(15, exact.inFlight());
        assertFalse(exact.estimated());
    }

    @Test
    void theLimitMustBePositive() {
        Journal j = open();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> j.overview(0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }

    @Test
    void theFullOverviewCountsEveryRow() {
        Journal j = filled();
        DestinationStats deep = of(j.overview(), DEEP);
        assertEquals(26, deep.ready());
        assertEquals(1, deep.scheduled());
        assertFalse(deep.estimated());
    }
}
