package org.journalmq.persistence;

import static org.journalmq.persistence.ConformanceSupport.await;
import static org.journalmq.persistence.ConformanceSupport.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.Test;

/**
 * Temporary destinations owned by a client row (migration 5): a temporary destination lives as
 * long as its connection (Jakarta Messaging 3.1, 6.2.2 and the TemporaryQueue javadoc), so the
 * journal removes it with its messages when its owner deletes it, closes, or dies. Part of
 * {@link JournalConformanceTest}.
 */
interface TemporaryConformance extends JournalFixture {
    String TMP = "q:tmp-conformance";

    @Test
    default void temporaryExistsForEveryClientUntilItsOwnerDeletesIt() {
        Journal owner = open();
        Journal other = open();
        assertFalse(other.temporaryExists(TMP), "not created yet");
        owner.createTemporary(TMP);
        assertTrue(owner.temporaryExists(TMP));
        assertTrue(other.temporaryExists(TMP), "seen by another client through the database");
        assertEquals(Kind.CONFLICT, assertThrows(JournalException.class, () -> other.createTemporary(TMP)).kind());

        other.writeAndWait(UnitOfWork.send(message(TMP, 4, "reply")));
        assertEquals(1, owner.depth(TMP));
        assertFalse(other.deleteTemporary(TMP), "only the owner deletes it");
        assertTrue(other.temporaryExists(TMP));

        assertTrue(owner.deleteTemporary(TMP));
        assertEquals(0, owner.depth(TMP), "its messages go with it");
        assertFalse(owner.temporaryExists(TMP));
        assertFalse(other.temporaryExists(TMP));
        assertFalse(owner.deleteTemporary(TMP), "deleting twice finds nothing");
    }

    @Test
    default void closingTheOwnerRemovesItsTemporariesAndTheirMessages() {
        Journal owner = open();
        Journal other = open();
        owner.createTemporary(TMP);
        owner.createTemporary("t:tmp-topic");
        other.writeAndWait(UnitOfWork.send(message(TMP, 4, "reply")));

        owner.close();
        assertFalse(other.temporaryExists(TMP));
        assertFalse(other.temporaryExists("t:tmp-topic"));
        assertEquals(0, other.depth(TMP));
    }

    /** A dead owner (no heartbeat for a lease) loses its temporaries to the maintenance of a live client. */
    @Test
    default void maintenanceOfALiveClientRemovesTheTemporariesOfADeadOne() throws SQLException {
        useShortLease();
        Journal survivor = open();
        Journal owner = open();
        owner.createTemporary(TMP);
        owner.writeAndWait(UnitOfWork.send(message(TMP, 4, "pending")));
        // Hand the temporary queue to a client that died: its row has no heartbeat.
        reassignTemporary(TMP, "dead-client");

        await("the dead client's temporary queue is removed", () -> !survivor.temporaryExists(TMP));
        await("its messages are deleted", () -> survivor.depth(TMP) == 0);
        // A send that checked before the removal and commits after it: its rows are swept as well.
        survivor.writeAndWait(UnitOfWork.send(message(TMP, 4, "late")));
        await("a late row of the removed queue is swept", () -> survivor.depth(TMP) == 0);
    }

    private void reassignTemporary(String address, String clientId) throws SQLException {
        try (Connection c = TestDatabases.connect(config());
             PreparedStatement ps = c.prepareStatement("UPDATE " + config().tablePrefix()
                     + "TEMPORARY SET client_id = ? WHERE address = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, clientId);
            ps.setString(2, address);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
