package org.journalmq.cli;

import jakarta.jms.Connection;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code journalmq acl} and the operators' commands under the access control list (issue 15 item 1:
 * "the CLI's purge/move/dlq replay refused without manage"; grant, revoke and list through the CLI),
 * on an HSQLDB file journal with two database users besides SA.
 */
class HsqldbAclCommandTest {
    private static final String PASSWORD = "Acl15-cli-pw";
    private static final String ALICE = "ACL15_ALICE";
    private static final String ADMIN = "ACL15_ADMIN";

    @TempDir
    Path dir;

    private String url;
    private Connection owner;

    @BeforeEach
    void journalWithUsersAndMessages() throws Exception {
        url = "jdbc:hsqldb:file:" + dir.resolve("j");
        owner = new JournalConnectionFactory(url).createConnection(); // opens the journal: its tables exist
        Session s = owner.createSession();
        for (String name : new String[] {"orders", "DLQ.orders"}) {
            Queue q = s.createQueue(name);
            for (int i = 0; i < 2; i++) {
                s.createProducer(q).send(s.createTextMessage(name + i));
            }
        }
        try (var c = DriverManager.getConnection(url, "SA", ""); Statement st = c.createStatement()) {
            for (String user : new String[] {ALICE, ADMIN}) {
                st.execute("CREATE USER " + user + " PASSWORD '" + PASSWORD + "'");
                List<String> grants = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'JMQ\\_%' ESCAPE '\\'")) {
                    while (rs.next()) {
                        grants.add("GRANT ALL PRIVILEGES ON TABLE " + rs.getString(1) + " TO " + user);
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES"
                        + " WHERE SEQUENCE_SCHEMA = 'PUBLIC'")) {
                    while (rs.next()) {
                        grants.add("GRANT USAGE ON SEQUENCE " + rs.getString(1) + " TO " + user);
                    }
                }
                for (String g : grants) {
                    st.execute(g);
                }
            }
        }
    }

    @AfterEach
    void close() throws Exception {
        owner.close();
    }

    private List<String> as(String user) {
        return user == null ? List.of("--url", url) : List.of("--url", url, "--user", user, "--password", PASSWORD);
    }

    private static void refused(Cli.Result r, String operation, String destination) {
        assertEquals(JournalMq.EXIT_ERROR, r.exitCode(), r::toString);
        assertTrue(r.err().contains(operation + " on " + destination + " is not permitted for " + ALICE), r::toString);
        assertFalse(r.err().contains(PASSWORD) || r.out().contains(PASSWORD), r::toString);
    }

    @Test
    void purgeMoveAndDlqReplayAreRefusedWithoutManageAndAllowedWithIt() {
        // the first grant is free: the administrator gets manage on every queue and topic at once
        Cli.Result boot = Cli.run("acl grant", as(null), ADMIN, "manage", "queue:*", "topic:*");
        assertEquals(JournalMq.EXIT_OK, boot.exitCode(), boot::toString);
        assertEquals(JournalMq.EXIT_OK, Cli.run("acl grant", as(ADMIN), ALICE, "browse", "queue:*").exitCode());

        refused(Cli.run("purge", as(ALICE), "--queue", "orders", "--yes"), "manage", "queue:orders");
        refused(Cli.run("move", as(ALICE), "--from", "orders", "--to", "elsewhere"), "manage", "queue:orders");
        refused(Cli.run("dlq replay", as(ALICE), "--queue", "orders"), "manage", "queue:DLQ.orders");

        Cli.Result move = Cli.run("move", as(ADMIN), "--from", "orders", "--to", "elsewhere", "--json");
        assertEquals(JournalMq.EXIT_OK, move.exitCode(), move::toString);
        Cli.Result replay = Cli.run("dlq replay", as(ADMIN), "--queue", "orders", "--to", "orders", "--json");
        assertEquals(JournalMq.EXIT_OK, replay.exitCode(), replay::toString);
        Cli.Result purge = Cli.run("purge", as(ADMIN), "--queue", "orders", "--yes", "--json");
        assertEquals(JournalMq.EXIT_OK, purge.exitCode(), purge::toString);
        assertEquals("{\"purged\":2}", purge.out().trim(), purge::toString);

        // manage on a pattern covers the queues it matches, and no more
        assertEquals(JournalMq.EXIT_OK, Cli.run("acl grant", as(ADMIN), ALICE, "manage", "queue:else*").exitCode());
        // a move needs manage on its target too
        refused(Cli.run("move", as(ALICE), "--from", "elsewhere", "--to", "orders"), "manage", "queue:orders");
        assertEquals(JournalMq.EXIT_OK, Cli.run("purge", as(ALICE), "--queue", "elsewhere", "--yes").exitCode());
    }

    @Test
    void aclGrantRevokeAndListThroughTheCli() {
        Cli.Result empty = Cli.run("acl list", as(ALICE));
        assertEquals("no grants: every operation is permitted", empty.out().trim(), empty::toString);
        assertEquals(JournalMq.EXIT_OK, Cli.run("acl grant", as(null), ADMIN, "manage", "queue:*", "topic:*").exitCode());

        // from now on only a manager of every queue and topic changes the list
        Cli.Result denied = Cli.run("acl grant", as(ALICE), ALICE, "manage", "queue:*");
        assertEquals(JournalMq.EXIT_ERROR, denied.exitCode(), denied::toString);
        assertTrue(denied.err().contains("manage on queue:* and topic:* is not permitted for " + ALICE), denied::toString);
        Cli.Result granted = Cli.run("acl grant", as(ADMIN), ALICE, "send", "queue:orders.*", "temp-queue:*");
        assertEquals(JournalMq.EXIT_OK, granted.exitCode(), granted::toString);
        assertTrue(granted.out().startsWith("granted 2 of 2"), granted::toString);

        // with grants in place, the operators' read of messages follows browse
        refused(Cli.run("browse", as(ALICE), "--queue", "orders"), "browse", "queue:orders");
        refused(Cli.run("dlq list", as(ALICE), "--queue", "orders"), "browse", "queue:DLQ.orders");

        Cli.Result list = Cli.run("acl list", as(ALICE));
        assertEquals(List.of(ADMIN + " manage queue:*", ADMIN + " manage topic:*", ALICE + " send queue:orders.*",
                ALICE + " send temp-queue:*"), list.outLines(), list::toString);
        Cli.Result json = Cli.run("acl list", as(ADMIN), "--json");
        assertTrue(json.out().contains("{\"principal\":\"" + ALICE + "\",\"operation\":\"send\",\"pattern\":\"temp-queue:*\"}"),
                json::toString);

        Cli.Result revoked = Cli.run("acl revoke", as(ADMIN), ALICE, "send", "temp-queue:*");
        assertEquals("revoked " + ALICE + " send temp-queue:*", revoked.out().trim(), revoked::toString);
        Cli.Result again = Cli.run("acl revoke", as(ADMIN), ALICE, "send", "temp-queue:*");
        assertEquals("no such grant: " + ALICE + " send temp-queue:*", again.out().trim(), again::toString);
        assertEquals(3, Cli.run("acl list", as(ADMIN)).outLines().size());

        Cli.Result bad = Cli.run("acl grant", as(ADMIN), ALICE, "read", "queue:x");
        assertEquals(JournalMq.EXIT_USAGE, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("unknown operation 'read'"), bad::toString);
    }
}
