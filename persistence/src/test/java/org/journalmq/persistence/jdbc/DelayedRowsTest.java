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
        assertEquals("me\nq@500+\nsingle@700", payload(d));
    }

    @Test
    void rowsOfOneTimerSlotNeedNoFurtherRead() {
        DelayedRows d = DelayedRows.of("q", 1_001);
        d.add("q", 1_009);
        assertEquals("me\nq@1001", payload(d));
        d.add("q", 1_010);
        assertEquals("me\nq@1001+", payload(d));
    }

    @Test
    void mergingAnnouncementsKeepsTheirMoreFlag() {
        DelayedRows first = DelayedRows.of("q", 800);
        first.add("q", 3_000);
        DelayedRows merged = DelayedRows.none();
        first.forEach(merged::add);
        assertEquals("me\nq@800+", payload(merged));
    }
}
