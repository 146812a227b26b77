package org.journalmq.cli;

import jakarta.jms.Connection;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code journalmq acl} and the operators' commands under the access control list (issue 15 item 1:
 * "the CLI's purge/move/dlq replay refused without manage"; grant, revoke and list through the CLI),
 * with two database users besides the journal's owner, each granted the journal's tables.
 */
abstract class AclCommandContract {
    static final String PASSWORD = "Acl15-cli-pw";

    /** Opens the journal as its owner, so that its tables exist. */
    abstract JournalConnectionFactory ownerFactory() throws Exception;

    /** Connection options: the owner's for null, else the user's with PASSWORD. */
    abstract List<String> as(String user);

    /** Creates the user (idempotently) and grants it the journal's tables. */
    abstract void createUser(String user) throws Exception;

    abstract String alice();

    abstract String admin();

    private Connection owner;

    @BeforeEach
    void journalWithUsersAndMessages() throws Exception {
        owner = ownerFactory().createConnection(); // opens the journal: its tables exist
        Session s = owner.createSession();
        for (String name : new String[] {"orders", "DLQ.orders"}) {
            Queue q = s.createQueue(name);
            for (int i = 0; i < 2; i++) {
                s.createProducer(q).send(s.createTextMessage(name + i));
            }
        }
        createUser(alice());
        createUser(admin());
    }

    @AfterEach
    void closeOwner() throws Exception {
        owner.close();
    }

    private void refused(Cli.Result r, String operation, String destination) {
        assertEquals(JournalMq.EXIT_ERROR, r.exitCode(), r::toString);
        assertTrue(r.err().contains(operation + " on " + destination + " is not permitted for " + alice()), r::toString);
        assertFalse(r.err().contains(PASSWORD) || r.out().contains(PASSWORD), r::toString);
    }

    @Test
    void purgeMoveAndDlqReplayAreRefusedWithoutManageAndAllowedWithIt() {
        // the first grant is free: the administrator gets manage on every queue and topic at once
        Cli.Result boot = Cli.run("acl grant", as(null), admin(), "manage", "queue:*", "topic:*");
        assertEquals(JournalMq.EXIT_OK, boot.exitCode(), boot::toString);
        assertEquals(JournalMq.EXIT_OK, Cli.run("acl grant", as(admin()), alice(), "browse", "queue:*").exitCode());

        refused(Cli.run("purge", as(alice()), "--queue", "orders", "--yes"), "manage", "queue:orders");
        refused(Cli.run("move", as(alice()), "--from", "orders", "--to", "elsewhere"), "manage", "queue:orders");
        refused(Cli.run("dlq replay", as(alice()), "--queue", "orders"), "manage", "queue:DLQ.orders");

        Cli.Result move = Cli.run("move", as(admin()), "--from", "orders", "--to", "elsewhere", "--json");
        assertEquals(JournalMq.EXIT_OK, move.exitCode(), move::toString);
        Cli.Result replay = Cli.run("dlq replay", as(admin()), "--queue", "orders", "--to", "orders", "--json");
        assertEquals(JournalMq.EXIT_OK, replay.exitCode(), replay::toString);
        Cli.Result purge = Cli.run("purge", as(admin()), "--queue", "orders", "--yes", "--json");
        assertEquals(JournalMq.EXIT_OK, purge.exitCode(), purge::toString);
        assertEquals("{\"purged\":2}", purge.out().trim(), purge::toString);

        // manage on a pattern covers the queues it matches, and no more
        assertEquals(JournalMq.EXIT_OK, Cli.run("acl grant", as(admin()), alice(), "manage", "queue:else*").exitCode());
        // a move needs manage on its target too
        refused(Cli.run("move", as(alice()), "--from", "elsewhere", "--to", "orders"), "manage", "queue:orders");
        assertEquals(JournalMq.EXIT_OK, Cli.run("purge", as(alice()), "--queue", "elsewhere", "--yes").exitCode());
    }

    @Test
    void aclGrantRevokeAndListThroughTheCli() {
        Cli.Result empty = Cli.run("acl list", as(alice()));
        assertEquals("no grants: every operation is permitted", empty.out().trim(), empty::toString);
        assertEquals(JournalMq.EXIT_OK, Cli.run("acl grant", as(null), admin(), "manage", "queue:*", "topic:*").exitCode());

        // from now on only a manager of every queue and topic changes the list
        Cli.Result denied = Cli.run("acl grant", as(alice()), alice(), "manage", "queue:*");
        assertEquals(JournalMq.EXIT_ERROR, denied.exitCode(), denied::toString);
        assertTrue(denied.err().contains("manage on queue:* and topic:* is not permitted for " + alice()), denied::toString);
        Cli.Result granted = Cli.run("acl grant", as(admin()), alice(), "send", "queue:orders.*", "temp-queue:*");
        assertEquals(JournalMq.EXIT_OK, granted.exitCode(), granted::toString);
        assertTrue(granted.out().startsWith("granted 2 of 2"), granted::toString);

        // with grants in place, the operators' read of messages follows browse
        refused(Cli.run("browse", as(alice()), "--queue", "orders"), "browse", "queue:orders");
        refused(Cli.run("dlq list", as(alice()), "--queue", "orders"), "browse", "queue:DLQ.orders");

        Cli.Result list = Cli.run("acl list", as(alice()));
        assertEquals(List.of(admin() + " manage queue:*", admin() + " manage topic:*", alice() + " send queue:orders.*",
                alice() + " send temp-queue:*"), list.outLines(), list::toString);
        Cli.Result json = Cli.run("acl list", as(admin()), "--json");
        assertTrue(json.out().contains("{\"principal\":\"" + alice() + "\",\"operation\":\"send\",\"pattern\":\"temp-queue:*\"}"),
                json::toString);

        Cli.Result revoked = Cli.run("acl revoke", as(admin()), alice(), "send", "temp-queue:*");
        assertEquals("revoked " + alice() + " send temp-queue:*", revoked.out().trim(), revoked::toString);
        Cli.Result again = Cli.run("acl revoke", as(admin()), alice(), "send", "temp-queue:*");
        assertEquals("no such grant: " + alice() + " send temp-queue:*", again.out().trim(), again::toString);
        assertEquals(3, Cli.run("acl list", as(admin())).outLines().size());

        Cli.Result bad = Cli.run("acl grant", as(admin()), alice(), "read", "queue:x");
        assertEquals(JournalMq.EXIT_USAGE, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("unknown operation 'read'"), bad::toString);
    }
}
