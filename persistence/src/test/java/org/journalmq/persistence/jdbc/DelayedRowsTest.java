package org.journalmq.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a commit announces of its delayed rows (JMS 3.1 §7.9): per address the earliest due time,
 * and "more" only when another row is due in a later timer slot, since each "more" costs a read of
 * the address's delays when its timer fires.
 */
class DelayedRowsTest {

    private static String payload(DelayedRows d) {
        return Notifier.payload("me", Set.of(), d);
    }

    @Test
    void theEarliestRowIsAnnouncedWithMoreWhenALaterSlotFollows() {
        DelayedRows d = DelayedRows.none();
        d.add("q", 2_500);
        d.add("q", 500);
        d.add("q", 1_500);
        d.add("single", 700);
        assertEquals("me\nq@500\nq@2500\nsingle@700", payload(d));
    }

    @Test
    void rowsOfOneTimerSlotNeedNoFurtherRead() {
        DelayedRows d = DelayedRows.of("q", 1_001);
        d.add("q", 1_009);
        assertEquals("me\nq@1001", payload(d));
        d.add("q", 1_010);
        assertEquals("me\nq@1001\nq@1010", payload(d));
    }

    @Test
    void mergingAnnouncementsKeepsTheirMoreFlag() {
        DelayedRows first = DelayedRows.of("q", 800);
        first.add("q", 3_000);
        DelayedRows merged = DelayedRows.none();
        first.forEach(merged::add);
        assertEquals("me\nq@800\nq@810", payload(merged));
    }

    @Test
    void aListenerReadsTheEarliestAndWhetherMoreFollow() {
        DelayedRows d = DelayedRows.none();
        d.add("a b", 2_500);
        d.add("a b", 500);
        d.add("c", 900);
        Notifier.Parsed p = Notifier.parse(Notifier.payload("them", Set.of("r"), d), "me");
        assertEquals(java.util.List.of("r"), p.ready());
        java.util.List<String> seen = new java.util.ArrayList<>();
        p.delayed().forEach((address, earliest, more) -> seen.add(address + "@" + earliest + (more ? "+" : "")));
        assertEquals(java.util.List.of("a b@500+", "c@900"), seen);
        assertEquals(null, Notifier.parse(Notifier.payload("me", Set.of("r"), d), "me"), "its own commit");
    }

    @Test
    void aPayloadOfAnOlderVersionStillParses() {
        Notifier.Parsed p = Notifier.parse("them\nq\nd@1234", "me");
        java.util.List<String> seen = new java.util.ArrayList<>();
        p.delayed().forEach((address, earliest, more) -> seen.add(address + "@" + earliest + (more ? "+" : "")));
        assertEquals(java.util.List.of("q"), p.ready());
        assertEquals(java.util.List.of("d@1234"), seen);
    }

    @Test
    void thisJvmSetsATimerPerSlotAndReadsOnOnlyPastTheCap() {
        DelayedRows d = DelayedRows.none();
        for (int i = 0; i < DelayedRows.MAX_SLOTS + 5; i++) {
            d.add("many", 10_000 + 100L * i);
            d.add("many", 10_001 + 100L * i); // same slot: no timer of its own
        }
        d.add("few", 700);
        d.add("few", 1_700);
        java.util.List<String> timers = new java.util.ArrayList<>();
        d.forEachSlot((address, due, more) -> timers.add(address + "@" + due + (more ? "+" : "")));
        assertEquals(DelayedRows.MAX_SLOTS + 2, timers.size());
        assertEquals("many@10000", timers.get(0));
        assertEquals("many@" + (10_000 + 100L * (DelayedRows.MAX_SLOTS - 1)) + "+", timers.get(DelayedRows.MAX_SLOTS - 1));
        assertEquals(java.util.List.of("few@700", "few@1700"), timers.subList(DelayedRows.MAX_SLOTS, timers.size()));
    }
}
