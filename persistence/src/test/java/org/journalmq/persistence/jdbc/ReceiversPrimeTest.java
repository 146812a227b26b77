package org.journalmq.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read of an address's earliest delayed row scans its whole backlog (issue 13: on a queue of
 * 1,000,000 it ran beside every new consumer's first claims). It runs once per address until a
 * delay is announced there; without a scheduler (as here) it runs on the caller's thread, so the
 * reads can be counted directly.
 */
class ReceiversPrimeTest {

    private final Receivers receivers = new Receivers(new JournalClock("VALUES 0"));
    private final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void countReads() {
        receivers.earliestDelayed((address, after) -> {
            reads.incrementAndGet();
            return 0;
        });
    }

    @Test
    void anAddressIsReadOnceWhileNoDelayIsAnnounced() {
        receivers.primeDelayed("deep", 0);
        receivers.primeDelayed("deep", 0);
        receivers.primeDelayed("deep", 0);
        assertEquals(1, reads.get());
        receivers.primeDelayed("other", 0);
        assertEquals(2, reads.get(), "each address is read once");
    }

    @Test
    void anAnnouncedDelayMakesTheNextReceiverReadAgain() {
        receivers.primeDelayed("deep", 0);
        receivers.wakeAt("deep", System.currentTimeMillis() + 60_000);
        receivers.primeDelayed("deep", 0);
        assertEquals(2, reads.get(), "the announcement may name only the earliest row of its commit");
        receivers.primeDelayed("deep", 0);
        assertEquals(2, reads.get());
    }

    @Test
    void aCommitThatAnnouncesNoDelaysMakesTheNextReceiverReadAgain() {
        receivers.primeDelayed("deep", 0);
        receivers.primeDelayed("other", 0);
        receivers.forgetDelays(java.util.Set.of("deep")); // an XA branch or an application's transaction
        receivers.primeDelayed("deep", 0);
        receivers.primeDelayed("other", 0);
        assertEquals(3, reads.get(), "only the committed address is read again");
    }

    @Test
    void aFailedReadIsTriedAgainByTheNextReceiver() {
        receivers.earliestDelayed((address, after) -> {
            reads.incrementAndGet();
            throw new IllegalStateException("database down");
        });
        assertThrows(IllegalStateException.class, () -> receivers.primeDelayed("deep", 0));
        countReads();
        receivers.primeDelayed("deep", 0);
        assertEquals(2, reads.get());
    }

    @Test
    void theLeastRecentlyPrimedAddressIsForgottenBeyondTheBound() {
        for (int i = 0; i <= Receivers.MAX_PRIMED; i++) {
            receivers.primeDelayed("temp-" + i, 0);
        }
        assertEquals(Receivers.MAX_PRIMED + 1, reads.get());
        receivers.primeDelayed("temp-" + Receivers.MAX_PRIMED, 0);
        assertEquals(Receivers.MAX_PRIMED + 1, reads.get(), "the newest is still known");
        receivers.primeDelayed("temp-0", 0);
        assertEquals(Receivers.MAX_PRIMED + 2, reads.get(), "the oldest was forgotten: read again");
    }
}
