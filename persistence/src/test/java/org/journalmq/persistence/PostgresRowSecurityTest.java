package org.journalmq.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.journalmq.persistence.ConformanceSupport.await;
import static org.journalmq.persistence.PostgresRoles.ADMIN;
import static org.journalmq.persistence.PostgresRoles.ALICE;
import static org.journalmq.persistence.PostgresRoles.BOB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 1: PostgreSQL enforces the ACL itself (migration 10). The tables belong to
 * {@code rls15_admin}, which ran the migrations; {@code rls15_alice} may send, consume and browse
 * {@code queue:a.*}, {@code rls15_bob} {@code queue:b.*}. Each client, through the journal and through
 * raw SQL with its own credentials, is refused the other's rows; the admin reaches everything; the
 * maintenance that crosses destinations works for a client through the definer functions.
 */
class PostgresRowSecurityTest {
    private String prefix;
    private final List<Journal> opened = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void schemaOwnedByTheAdmin() {
        PostgresRoles.ensure();
        prefix = TestDatabases.randomPrefix();
        Journals.open(PostgresRoles.as(ADMIN, prefix).build()).close(); // migrates as the owner
        for (String client : List.of(ALICE, BOB)) {
            PostgresRoles.grantClient(prefix, client);
            String mine = client.equals(ALICE) ? "queue:a.*" : "queue:b.*";
            for (String operation : List.of("send", "consume", "browse")) {
                PostgresRoles.permit(prefix, client, operation, mine);
            }
        }
        PostgresRoles.permit(prefix, ALICE, "send", "topic:news");
        PostgresRoles.permit(prefix, BOB, "consume", "topic:news");
    }

    @AfterEach
    void dropTables() {
        synchronized (opened) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                opened.get(i).close();
            }
        }
        if (prefix != null) {
            TestDatabases.dropAll(PostgresRoles.as(ADMIN, prefix).build());
        }
    }

    private Journal open(String role) {
        return open(PostgresRoles.as(role, prefix).leaseMillis(10_000).build());
    }

    private Journal open(JournalConfig config) {
        Journal j = Journals.open(config);
        opened.add(j);
        return j;
    }

    private Connection connect(String role) throws SQLException {
        Connection c = TestDatabases.connect(PostgresRoles.as(role, prefix).build());
        c.setAutoCommit(true);
        return c;
    }

    private static NewMessage message(String destination, String body) {
        return new NewMessage(destination, 4, 0, 0, null, body.getBytes(UTF_8));
    }

    /** Each statement kind on the other client's rows: refused (insert, moving a row there) or finding nothing. */
    @ParameterizedTest(name = "{0} against {1}''s queue")
    @CsvSource({"rls15_alice, Q:b.1, Q:a.1", "rls15_bob, Q:a.1, Q:b.1"})
    @DisplayName("issue 15 item 1: raw SQL with a client's credentials reaches none of the other's rows")
    void rawSqlIsRefusedTheOthersRows(String client, String theirs, String mine) throws SQLException {
        Journal admin = open(ADMIN);
        admin.writeAndWait(new UnitOfWork(List.of(message(theirs, "secret"), message(mine, "own")), List.of()));
        String d = prefix + "DELIVERY";
        try (Connection c = connect(client); Statement s = c.createStatement()) {
            SQLException insert = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO " + d
                    + " (id, destination, priority, priority_rank, deliver_at, expires_at, state, lease_until,"
                    + " delivery_count, created_at, data) VALUES (-1, '" + theirs + "', 4, 5, 0, 0, 0, 0, 0, 0, '\\x00')"));
            assertEquals("42501", insert.getSQLState(), insert.getMessage());
            assertEquals(0, count(s, "SELECT COUNT(*) FROM " + d + " WHERE destination = '" + theirs + "'"), "select");
            assertEquals(0, s.executeUpdate("UPDATE " + d + " SET state = 1, owner = 'thief' WHERE destination = '"
                    + theirs + "'"), "update");
            assertEquals(0, s.executeUpdate("DELETE FROM " + d + " WHERE destination = '" + theirs + "'"), "delete");
            SQLException move = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE " + d
                    + " SET destination = '" + theirs + "' WHERE destination = '" + mine + "'"));
            assertEquals("42501", move.getSQLState(), "moving an own row there: " + move.getMessage());
            assertEquals(1, count(s, "SELECT COUNT(*) FROM " + d + " WHERE destination = '" + mine + "'"),
                    "the client's own row is visible");
            SQLException acl = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO " + prefix
                    + "ACL (principal, operation, pattern) VALUES ('" + client + "', 'consume', 'queue:*')"));
            assertEquals("42501", acl.getSQLState(), "granting itself more: " + acl.getMessage());
            assertEquals(0, s.executeUpdate("DELETE FROM " + prefix + "ACL"), "revoking the rules");
        }
        try (Connection c = connect(ADMIN); Statement s = c.createStatement()) {
            assertEquals(1, count(s, "SELECT COUNT(*) FROM " + d + " WHERE destination = '" + theirs
                    + "' AND state = 0 AND owner IS NULL"), "their row unchanged, as the admin sees it");
            assertEquals(1, count(s, "SELECT COUNT(*) FROM " + d + " WHERE destination = '" + mine + "'"));
            assertEquals(8, count(s, "SELECT COUNT(*) FROM " + prefix + "ACL"), "the ACL unchanged");
        }
    }

    @Test
    @DisplayName("issue 15 item 1: through the journal a client is refused the other's queue and reaches its own")
    void journalIsRefusedTheOthersQueue() {
        Journal alice = open(ALICE);
        JournalException send = assertThrows(JournalException.class,
                () -> alice.writeAndWait(UnitOfWork.send(message("Q:b.1", "x"))));
        assertEquals(Kind.FORBIDDEN, send.kind(), send.getMessage());

        Journal bob = open(BOB);
        bob.writeAndWait(UnitOfWork.send(message("Q:b.1", "for bob")));
        assertEquals(List.of(), alice.claim(ClaimRequest.of("Q:b.1", 10)), "invisible to alice's claim");
        assertEquals(List.of(), alice.browse("Q:b.1", null, 10), "invisible to alice's browse");
        assertEquals(0, alice.depth("Q:b.1"));

        alice.writeAndWait(UnitOfWork.send(message("Q:a.1", "for alice")));
        StoredMessage own = alice.claim(ClaimRequest.of("Q:a.1", 10)).get(0);
        assertEquals("for alice", new String(own.data(), UTF_8));
        alice.writeAndWait(UnitOfWork.ack(List.of(own.ack())));
        StoredMessage bobs = bob.claim(ClaimRequest.of("Q:b.1", 10)).get(0);
        assertEquals("for bob", new String(bobs.data(), UTF_8));
    }

    /**
     * A temporary destination is consumed and browsed by its creating role alone, whatever the ACL
     * (the database's stand-in for "its own connection"); sending to it follows the ACL.
     */
    @Test
    @DisplayName("issue 15 item 1: a temporary queue's rows are its creating role's to read; others may only send")
    void temporaryQueueIsReadByItsCreatingRoleOnly() throws SQLException {
        PostgresRoles.permit(prefix, ALICE, "send", "temp-queue:*");
        PostgresRoles.permit(prefix, ALICE, "consume", "temp-queue:*"); // no use: the owner rule decides
        Journal bob = open(BOB);
        bob.createTemporary("q:bob.reply");
        Journal alice = open(ALICE);
        alice.writeAndWait(UnitOfWork.send(message("q:bob.reply", "reply")));
        assertEquals(List.of(), alice.claim(ClaimRequest.of("q:bob.reply", 1)), "not alice's temporary queue");
        assertEquals("reply", new String(bob.claim(ClaimRequest.of("q:bob.reply", 1)).get(0).data(), UTF_8));
        try (Connection c = connect(ALICE); Statement s = c.createStatement()) {
            SQLException takeOver = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE " + prefix
                    + "TEMPORARY SET owner_role = '" + ALICE + "' WHERE address = 'q:bob.reply'"));
            assertEquals("42501", takeOver.getSQLState(), takeOver.getMessage());
            SQLException forged = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO " + prefix
                    + "TEMPORARY (address, client_id, created_at, owner_role) VALUES ('q:x', 'c', 0, '" + BOB + "')"));
            assertEquals("42501", forged.getSQLState(), forged.getMessage());
        }
    }

    /** The journal's rule, shared with the JournalMQ-side checks: no ACL row, no restriction. */
    @Test
    @DisplayName("issue 15 item 1: with an empty ACL a client role reaches every destination")
    void emptyAclPermitsEverything() throws SQLException {
        try (Connection c = connect(ADMIN); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM " + prefix + "ACL");
        }
        Journal alice = open(ALICE);
        alice.writeAndWait(UnitOfWork.send(message("Q:b.1", "anyone's")));
        StoredMessage m = alice.claim(ClaimRequest.of("Q:b.1", 1)).get(0);
        alice.writeAndWait(UnitOfWork.ack(List.of(m.ack())));
        assertEquals(0, adminCount("SELECT COUNT(*) FROM " + prefix + "DELIVERY"));
        try (Connection c = connect(ALICE); Statement s = c.createStatement()) {
            // The first grant is free (bootstrap), both rows in one statement; then only a manager
            // of every queue and topic changes the ACL.
            s.executeUpdate("INSERT INTO " + prefix + "ACL (principal, operation, pattern) VALUES ('"
                    + ALICE + "', 'manage', 'queue:*'), ('" + ALICE + "', 'manage', 'topic:*')");
            s.executeUpdate("INSERT INTO " + prefix + "ACL (principal, operation, pattern) VALUES ('"
                    + BOB + "', 'send', 'queue:b.*')");
        }
        try (Connection c = connect(BOB); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO " + prefix
                    + "ACL (principal, operation, pattern) VALUES ('" + BOB + "', 'manage', 'queue:*')"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
        assertEquals(3, adminCount("SELECT COUNT(*) FROM " + prefix + "ACL"));
    }

    /** As AccessRules#permitsAclChanges: manage on queue:* and on topic:*, or a pattern covering both. */
    @Test
    @DisplayName("issue 15 item 1: changing the ACL needs manage on queue:* and topic:*")
    void aclChangesNeedManageOnEveryQueueAndTopic() throws SQLException {
        PostgresRoles.permit(prefix, BOB, "manage", "queue:*");
        try (Connection c = connect(BOB); Statement s = c.createStatement()) {
            String grant = "INSERT INTO " + prefix + "ACL (principal, operation, pattern) VALUES ('" + BOB
                    + "', 'browse', 'queue:z')";
            assertEquals("42501", assertThrows(SQLException.class, () -> s.executeUpdate(grant)).getSQLState(),
                    "manage on queue:* alone");
            PostgresRoles.permit(prefix, BOB, "manage", "topic:*");
            assertEquals(1, s.executeUpdate(grant), "manage on queue:* and topic:*");
        }
    }

    @Test
    @DisplayName("issue 15 item 1: the admin role (the tables' owner) can do everything")
    void adminCanDoEverything() throws SQLException {
        Journal admin = open(ADMIN);
        admin.writeAndWait(new UnitOfWork(List.of(message("Q:a.1", "a"), message("Q:b.1", "b"),
                message("Q:c.1", "nobody's")), List.of()));
        for (String queue : List.of("Q:a.1", "Q:b.1", "Q:c.1")) {
            StoredMessage m = admin.claim(ClaimRequest.of(queue, 1)).get(0);
            admin.writeAndWait(UnitOfWork.ack(List.of(m.ack())));
        }
        try (Connection c = connect(ADMIN); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + prefix + "ACL (principal, operation, pattern) VALUES ('x', 'manage', 'queue:*')");
            assertEquals(1, s.executeUpdate("DELETE FROM " + prefix + "ACL WHERE principal = 'x'"));
        }
    }

    @Test
    @DisplayName("issue 15 item 1: release_expired_leases frees a dead client's lease on a queue the running client may not read")
    void deadClientsLeasesAreReleasedByAnotherClientsMaintenance() throws SQLException {
        Journal bob = open(BOB);
        bob.writeAndWait(UnitOfWork.send(message("Q:b.1", "leased")));
        long id = bob.claim(ClaimRequest.of("Q:b.1", 1)).get(0).id();
        bob.close(); // gives back its own leases only: the row is made a dead client's below
        try (Connection c = connect(ADMIN); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE " + prefix + "DELIVERY SET state = 1, owner = 'dead-client',"
                    + " lease_until = 1 WHERE id = " + id));
        }
        open(PostgresRoles.as(ALICE, prefix).leaseMillis(300).build()); // maintenance every 100 ms
        await("alice's maintenance releases the lease", () -> adminCount("SELECT COUNT(*) FROM " + prefix
                + "DELIVERY WHERE id = " + id + " AND state = 0 AND owner IS NULL") == 1);
    }

    @Test
    @DisplayName("issue 15 item 1: sweep_expired deletes and moves expired rows of a queue the running client may not read")
    void expiredRowsAreSweptByAnotherClientsMaintenance() {
        Journal bob = open(BOB);
        long now = bob.now();
        bob.writeAndWait(new UnitOfWork(List.of(new NewMessage("Q:b.1", 4, 0, now + 100, null, new byte[] {1}),
                new NewMessage("Q:b.1", 4, 0, now + 100, null, new byte[] {2}, "Q:b.expired", null)), List.of()));
        bob.close();
        open(PostgresRoles.as(ALICE, prefix).leaseMillis(300).build());
        await("alice's maintenance sweeps both", () -> adminCount("SELECT COUNT(*) FROM " + prefix
                + "DELIVERY WHERE destination = 'Q:b.1'") == 0);
        assertEquals(1, adminCount("SELECT COUNT(*) FROM " + prefix
                + "DELIVERY WHERE destination = 'Q:b.expired' AND origin = 'Q:b.1'"), "moved to its expiry address");
    }

    @Test
    @DisplayName("issue 15 item 1: a publisher with send on the topic fans out to a subscription it may not read")
    void topicFanOutNeedsOnlySendOnTheTopic() {
        Journal bob = open(BOB);
        bob.subscribe(new Subscription("D:bob.news", "T:news", null, null, true, false), "c1");
        bob.subscribe(new Subscription("D:bob.news2", "T:news", null, null, true, false), "c2");
        Journal alice = open(ALICE);
        byte[] big = new byte[64 * 1024]; // stored once in BODY for the two subscriptions
        Arrays.fill(big, (byte) 7);
        alice.writeAndWait(UnitOfWork.publish(new Publication(new NewMessage("T:news", 4, 0, 0, null, big), null)));
        alice.writeAndWait(UnitOfWork.publish(new Publication(message("T:news", "small"), null)));
        assertEquals(List.of(), alice.claim(ClaimRequest.of("D:bob.news", 10)), "alice may not consume the topic");
        List<StoredMessage> got = bob.claim(ClaimRequest.of("D:bob.news", 10));
        assertEquals(2, got.size());
        assertArrayEquals(big, got.get(0).data());
        assertEquals("small", new String(got.get(1).data(), UTF_8));
        assertEquals(2, bob.claim(ClaimRequest.of("D:bob.news2", 10)).size());
        assertTrue(adminCount("SELECT COUNT(*) FROM " + prefix + "BODY") >= 1, "the big body is shared");
    }

    @Test
    @DisplayName("issue 15 item 1: sweep_temporary_rows deletes a dead client's temporary queue rows the running client may not read")
    void deadClientsTemporaryIsSweptByAnotherClientsMaintenance() throws SQLException {
        Journal admin = open(ADMIN);
        admin.writeAndWait(UnitOfWork.send(message("q:dead.reply", "reply")));
        admin.close();
        try (Connection c = connect(ADMIN); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + prefix + "TEMPORARY (address, client_id, created_at) VALUES"
                    + " ('q:dead.reply', 'dead-client', 0)");
        }
        open(PostgresRoles.as(ALICE, prefix).leaseMillis(300).build());
        await("alice's maintenance removes the dead client's temporary queue with its rows", () -> adminCount(
                "SELECT COUNT(*) FROM " + prefix + "DELIVERY WHERE destination = 'q:dead.reply'") == 0);
    }

    @Test
    @DisplayName("issue 15 item 1: drop_orphan_subscriptions drops a consumerless non-durable subscription of a topic the running client may not read")
    void orphanSubscriptionIsDroppedByAnotherClientsMaintenance() throws SQLException {
        Journal admin = open(ADMIN);
        admin.writeAndWait(UnitOfWork.send(message("N:orphan", "copy")));
        admin.close();
        try (Connection c = connect(ADMIN); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + prefix + "SUBSCRIPTION (address, topic, durable, shared, created_at)"
                    + " VALUES ('N:orphan', 'T:secret', 0, 0, 0)");
            s.executeUpdate("INSERT INTO " + prefix + "TOPIC_VERSION (topic, version) VALUES ('T:secret', 1)");
        }
        open(PostgresRoles.as(ALICE, prefix).leaseMillis(300).build());
        await("alice's maintenance drops the orphan", () -> adminCount("SELECT COUNT(*) FROM " + prefix
                + "SUBSCRIPTION WHERE address = 'N:orphan'") == 0);
        assertEquals(0, adminCount("SELECT COUNT(*) FROM " + prefix + "DELIVERY WHERE destination = 'N:orphan'"));
        assertEquals(2, adminCount("SELECT version FROM " + prefix + "TOPIC_VERSION WHERE topic = 'T:secret'"),
                "publishers' cached subscription lists are refreshed");
    }

    /** A prepared XA send (state 2) is its sender's to commit or roll back, with send alone on the queue. */
    @Test
    @DisplayName("issue 15 item 1: a role with send only prepares, commits and rolls back XA sends, and reads nothing")
    void senderOnlyRoleFinishesItsPreparedSends() {
        PostgresRoles.permit(prefix, ALICE, "send", "queue:c.*");
        Journal alice = open(ALICE);
        XaId committed = new XaId(4711, ("rls15-c-" + System.nanoTime()).getBytes(UTF_8), new byte[] {1});
        XaId rolledBack = new XaId(4711, ("rls15-r-" + System.nanoTime()).getBytes(UTF_8), new byte[] {2});
        alice.prepare(committed, UnitOfWork.send(message("Q:c.1", "kept")));
        alice.prepare(rolledBack, UnitOfWork.send(message("Q:c.1", "dropped")));
        assertEquals(XaOutcome.DONE, alice.commitPrepared(committed));
        assertEquals(XaOutcome.DONE, alice.rollbackPrepared(rolledBack));
        assertEquals(List.of(), alice.claim(ClaimRequest.of("Q:c.1", 10)), "send alone reads nothing");
        assertEquals(1, adminCount("SELECT COUNT(*) FROM " + prefix + "DELIVERY WHERE destination = 'Q:c.1'"
                + " AND state = 0 AND xa_branch IS NULL"), "the committed send is ready, the rolled back one gone");
    }

    @Test
    @DisplayName("issue 15 item 1: an XA publication of a role with send on the topic stays invisible until commit")
    void xaPublicationOfAPublisherIsPreparedAtomically() {
        Journal bob = open(BOB);
        bob.subscribe(new Subscription("D:bob.xa", "T:news", null, null, true, false), "c1");
        Journal alice = open(ALICE);
        XaId xid = new XaId(4711, ("rls15-p-" + System.nanoTime()).getBytes(UTF_8), new byte[] {3});
        alice.prepare(xid, UnitOfWork.publish(new Publication(message("T:news", "prepared"), null)));
        assertEquals(List.of(), bob.claim(ClaimRequest.of("D:bob.xa", 10)), "invisible while prepared");
        assertEquals(XaOutcome.DONE, alice.commitPrepared(xid));
        assertEquals("prepared", new String(bob.claim(ClaimRequest.of("D:bob.xa", 10)).get(0).data(), UTF_8));
    }

    /**
     * The move of the redelivery policy: alice may consume {@code Q:a.1} but not send to its
     * dead-letter queue. As a unit of work the insert is refused; through {@code Journal#deadLetter}
     * (the definer function) the row moves, once: a second move of the same claim finds nothing.
     */
    @Test
    @DisplayName("issue 15 item 1: dead_letter moves a held row to a dead-letter queue its consumer may not send to")
    void deadLetterMoveNeedsNoSendOnTheDeadLetterQueue() {
        Journal alice = open(ALICE);
        alice.writeAndWait(UnitOfWork.send(message("Q:a.1", "poison")));
        StoredMessage held = alice.claim(ClaimRequest.of("Q:a.1", 1)).get(0);
        NewMessage copy = new NewMessage("Q:DLQ.a.1", 7, 0, 0, "g", "poison, stamped".getBytes(UTF_8));

        JournalException refused = assertThrows(JournalException.class,
                () -> alice.writeAndWait(new UnitOfWork(List.of(copy), List.of(held.ack()))));
        assertEquals(Kind.FORBIDDEN, refused.kind(), "the consumer's own insert: " + refused.getMessage());
        alice.deadLetter(held.ack(), copy);

        assertEquals(0, adminCount("SELECT COUNT(*) FROM " + prefix + "DELIVERY WHERE destination = 'Q:a.1'"));
        assertEquals(1, adminCount("SELECT COUNT(*) FROM " + prefix + "DELIVERY WHERE destination = 'Q:DLQ.a.1'"
                + " AND state = 0 AND owner IS NULL AND delivery_count = 0 AND priority = 7 AND priority_rank = 2"
                + " AND group_id = 'g' AND data = convert_to('poison, stamped', 'UTF8')"), "the copy, as a send");
        assertEquals(1L, alice.trafficCounts().enqueued().get("Q:DLQ.a.1"), "counted as an enqueue");
        assertEquals(1L, alice.trafficCounts().acked().get("Q:a.1"), "and the original as an ack");
        JournalException again = assertThrows(JournalException.class, () -> alice.deadLetter(held.ack(), copy));
        assertEquals(Kind.LEASE_LOST, again.kind(), again.getMessage());
        assertEquals(1, adminCount("SELECT COUNT(*) FROM " + prefix + "DELIVERY WHERE destination = 'Q:DLQ.a.1'"),
                "no second copy");
        assertThrows(JournalException.class, () -> alice.deadLetter(held.ack(),
                new NewMessage("T:a.news", 4, 0, 0, null, new byte[] {1})), "only to a queue");
    }

    /**
     * The function judges the session user: bob, who may not consume alice's queue, calls it with
     * raw SQL and the right claim token of alice's held row; nothing happens. A target that is not a
     * queue is refused before anything is looked at.
     */
    @Test
    @DisplayName("issue 15 item 1: dead_letter called with raw SQL moves no row of a queue the caller may not consume")
    void deadLetterFunctionRefusesRowsTheCallerMayNotConsume() throws SQLException {
        Journal alice = open(ALICE);
        alice.writeAndWait(UnitOfWork.send(message("Q:a.1", "alice's")));
        StoredMessage held = alice.claim(ClaimRequest.of("Q:a.1", 1)).get(0);
        String call = "SELECT " + prefix + "dead_letter(?, ?, ?, -7, ?, 4, 0, 0, NULL, 0, '\\x00'::bytea, NULL)";
        try (Connection c = connect(BOB); PreparedStatement ps = c.prepareStatement(call)) {
            ps.setLong(1, held.id());
            ps.setString(2, alice.clientId());
            ps.setInt(3, held.deliveryCount());
            ps.setString(4, "Q:b.stolen");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(false, rs.getBoolean(1), "not moved");
            }
            ps.setString(4, "S:b.sub");
            SQLException notQueue = assertThrows(SQLException.class, () -> ps.executeQuery().close());
            assertEquals("22023", notQueue.getSQLState(), notQueue.getMessage());
        }
        assertEquals(1, adminCount("SELECT COUNT(*) FROM " + prefix + "DELIVERY WHERE id = " + held.id()
                + " AND state = 1 AND owner = '" + alice.clientId() + "'"), "alice still holds her row");
        assertEquals(0, adminCount("SELECT COUNT(*) FROM " + prefix + "DELIVERY WHERE id = -7"), "no copy");
        alice.deadLetter(held.ack(), new NewMessage("Q:DLQ.a.1", 4, 0, 0, null, new byte[] {1}));
        assertEquals(1, adminCount("SELECT COUNT(*) FROM " + prefix + "DELIVERY WHERE destination = 'Q:DLQ.a.1'"),
                "the holder moves it");
    }

    private long adminCount(String query) {
        try (Connection c = connect(ADMIN); Statement s = c.createStatement()) {
            return count(s, query);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static long count(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
