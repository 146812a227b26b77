package org.journalmq.persistence;

import java.util.List;
import org.journalmq.persistence.AccessGrant.Operation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of issue 15 item 1 as the SPI records state them: patterns, principals, the empty list. */
class AccessRulesTest {

    @Test
    void aStarMatchesAnyRunOfCharactersAndNothingElseIsSpecial() {
        assertTrue(AccessGrant.matches("queue:orders", "queue:orders"));
        assertFalse(AccessGrant.matches("queue:orders", "queue:orders2"));
        assertTrue(AccessGrant.matches("queue:orders.*", "queue:orders.eu"));
        assertTrue(AccessGrant.matches("queue:orders.*", "queue:orders."));
        assertFalse(AccessGrant.matches("queue:orders.*", "queue:orders"));
        assertTrue(AccessGrant.matches("queue:*.in*", "queue:a.b.inbox"));
        assertFalse(AccessGrant.matches("queue:*", "topic:x"));
        assertFalse(AccessGrant.matches("queue:a?c", "queue:abc")); // not a regex, nor a glob's ?
        assertTrue(AccessGrant.matches("queue:a.c", "queue:a.c"));
        assertFalse(AccessGrant.matches("queue:a.c", "queue:abc"));
    }

    @Test
    void anEmptyListPermitsEverythingAndAnyGrantSwitchesTheRulesOn() {
        assertTrue(AccessRules.NONE.permits(List.of("alice"), Operation.MANAGE, "queue:x"));
        assertTrue(AccessRules.NONE.permitsAclChanges(List.of("alice")));
        AccessRules rules = new AccessRules(List.of(new AccessGrant("alice", Operation.SEND, "queue:a.*"),
                new AccessGrant("ops", Operation.MANAGE, "queue:*"), new AccessGrant("ops", Operation.MANAGE, "topic:*")));
        assertTrue(rules.permits(List.of("alice"), Operation.SEND, "queue:a.1"));
        assertFalse(rules.permits(List.of("alice"), Operation.CONSUME, "queue:a.1"));
        assertFalse(rules.permits(List.of("bob"), Operation.SEND, "queue:a.1"));
        assertTrue(rules.permits(List.of("bob", "ops"), Operation.MANAGE, "topic:t")); // a role of bob's
        assertTrue(rules.permitsAclChanges(List.of("ops")));
        assertFalse(rules.permitsAclChanges(List.of("alice")));
        assertFalse(new AccessRules(List.of(new AccessGrant("ops", Operation.MANAGE, "queue:*")))
                .permitsAclChanges(List.of("ops")), "manage on queue:* alone does not manage the list");
    }

    @Test
    void aGrantIsValidated() {
        assertEquals(Operation.BROWSE, AccessGrant.Operation.ofWord("Browse"));
        assertThrows(JournalException.class, () -> Operation.ofWord("read"));
        assertThrows(JournalException.class, () -> new AccessGrant("alice", Operation.SEND, "orders"));
        assertThrows(JournalException.class, () -> new AccessGrant("alice", Operation.SEND, "queues:orders"));
        assertThrows(JournalException.class, () -> new AccessGrant("alice", Operation.SEND, "queue:"));
        assertThrows(JournalException.class, () -> new AccessGrant(" alice", Operation.SEND, "queue:a"));
        assertThrows(JournalException.class, () -> new AccessGrant("", Operation.SEND, "queue:a"));
        assertEquals("alice send temp-queue:*", new AccessGrant("alice", Operation.SEND, "temp-queue:*").toString());
    }
}
