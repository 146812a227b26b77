package org.journalmq.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 13: an outage is reported once, from its first UNAVAILABLE failure to the next success. */
class OutagesTest {

    private static JournalException unavailable(String text) {
        return new JournalException(Kind.UNAVAILABLE, text, new SQLException(text, "08006"));
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    @DisplayName("one report per outage, however many operations fail; none for other kinds of failure")
    void oncePerOutage() throws InterruptedException {
        Outages outages = new Outages("jdbc:postgresql://db/x?password=secret", 30_000);
        List<JournalException> told = new CopyOnWriteArrayList<>();
        Journal.Registration registration = outages.register(told::add);
        outages.failed(new JournalException(Kind.LEASE_LOST, "not an outage"));
        assertFalse(outages.isDown());
        outages.failed(unavailable("first"));
        outages.failed(unavailable("second"));
        awaitSize(told, 1);
        assertTrue(outages.isDown());
        outages.reached();
        assertFalse(outages.isDown());
        outages.failed(unavailable("next outage"));
        awaitSize(told, 2);
        Thread.sleep(100); // a third report, if any, would have arrived by now
        assertEquals(2, told.size(), told.toString());
        assertEquals(Kind.UNAVAILABLE, told.get(0).kind());
        assertTrue(told.get(0).getMessage().contains("reconnectTimeoutMillis=30000"), told.get(0).getMessage());
        assertFalse(told.get(0).getMessage().contains("secret"), told.get(0).getMessage());
        registration.close();
        outages.reached();
        outages.failed(unavailable("unregistered"));
        Thread.sleep(100);
        assertEquals(2, told.size());
    }

    @Test
    @DisplayName("the report names the innermost failure, not a batch's statement text")
    void reasonIsTheInnermostFailure() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO T VALUES ('\\x0101...')"
                + " was aborted", "08006", new int[0]);
        batch.setNextException(new SQLException("FATAL: terminating connection due to administrator command",
                "57P01"));
        String reason = Outages.reason(new JournalException(Kind.UNAVAILABLE, "write failed", batch));
        assertEquals("FATAL: terminating connection due to administrator command (SQLState 57P01)", reason);
    }
}
