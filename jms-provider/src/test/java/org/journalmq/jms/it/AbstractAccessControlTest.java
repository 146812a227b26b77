package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.MoveRequest;
import org.journalmq.persistence.AccessGrant;
import org.journalmq.persistence.AccessGrant.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-destination authorization, JournalMQ side (issue 15 item 1): roles get send, consume, browse
 * and manage on destination patterns; JournalMQ refuses with JMSSecurityException (code JMQ-ACL, or
 * its runtime twin) naming the operation and the destination, never a credential; an empty list
 * permits everything; a topic's subscriptions follow its pattern; a temporary queue is consumed and
 * browsed by its own connection only, and sent to with send on temp-queue:*; refusals and ACL
 * changes are audited.
 *
 * <p>Three database users: alice and bob, each with their own queues and topics, and an admin who
 * may do everything. Grants are made before the users connect: a journal reads the list at open
 * (and again at each maintenance run).
 */
public abstract class AbstractAccessControlTest extends JmsTestBase {

    static final String PASSWORD = "Acl15-s3cret-pw";

    /** Creates the user (idempotently) with PASSWORD and grants it the journal's tables. */
    protected abstract void createUser(String user) throws Exception;

    /** The user names: short names as the database reports them (HSQLDB upper-cases). */
    protected abstract String alice();

    protected abstract String bob();

    protected abstract String admin();

    private JournalAdmin owner;

    /** Opens the journal as its owner and creates the three users. */
    private JournalAdmin setUp() throws Exception {
        owner = factory.createAdmin(); // opens the journal: its tables exist from here on
        for (String user : new String[] {alice(), bob(), admin()}) {
            createUser(user);
        }
        return owner;
    }

    private void grantRules() throws Exception {
        JournalAdmin o = owner;
        // the first grants, together: with only one of them nobody could change the list any more
        o.grant(java.util.List.of(new AccessGrant(owner(), Operation.MANAGE, "queue:*"),
                new AccessGrant(owner(), Operation.MANAGE, "topic:*")));
        for (String kind : new String[] {"queue", "topic", "temp-queue", "temp-topic"}) {
            for (Operation op : Operation.values()) {
                o.grant(new AccessGrant(admin(), op, kind + ":*"));
            }
        }
        for (String user : new String[] {alice(), bob()}) {
            String mine = user.toLowerCase(java.util.Locale.ROOT).replace("acl15_", "") + ".*";
            for (Operation op : new Operation[] {Operation.SEND, Operation.CONSUME, Operation.BROWSE}) {
                o.grant(new AccessGrant(user, op, "queue:" + mine));
            }
            o.grant(new AccessGrant(user, Operation.CONSUME, "topic:" + mine));
            o.grant(new AccessGrant(user, Operation.SEND, "topic:" + mine));
        }
        o.grant(new AccessGrant(alice(), Operation.SEND, "temp-queue:*"));
    }

    /** The journal owner's principal (the test factory's user). */
    protected abstract String owner();

    private final java.util.List<AutoCloseable> opened = new java.util.ArrayList<>();

    private Connection as(String user) throws JMSException {
        Connection c = factory.createConnection(user, PASSWORD);
        opened.add(c);
        c.start();
        return c;
    }

    /** An admin connecting as the user: a factory of its own, configured as an operator's would be. */
    private JournalAdmin adminAs(String user) throws JMSException {
        var f = journal.factory();
        f.setUser(user);
        f.setPassword(PASSWORD);
        return f.createAdmin();
    }

    @org.junit.jupiter.api.AfterEach
    void closeOpened() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        if (owner != null) {
            owner.close();
        }
    }

    /** The refusal, checked: code JMQ-ACL, operation and destination named, no password anywhere. */
    private static <T extends Throwable> T refused(Class<T> type, String operation, String destination,
                                                   Executable call) {
        T e = assertThrows(type, call);
        String code = e instanceof JMSException je ? je.getErrorCode()
                : ((jakarta.jms.JMSRuntimeException) e).getErrorCode();
        assertEquals(JmsExceptions.ACCESS_REFUSED, code, e::toString);
        assertTrue(e.getMessage().contains(operation + " on " + destination + " is not permitted"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(PASSWORD), "password in " + t);
        }
        return e;
    }

    @Test
    void anEmptyListPermitsEverything() throws Exception {
        setUp();
        Session s = as(alice()).createSession();
        Queue q = s.createQueue("bob.orders");
        s.createProducer(q).send(s.createTextMessage("free"));
        assertTrue(s.createBrowser(q).getEnumeration().hasMoreElements());
        assertEquals("free", ((TextMessage) s.createConsumer(q).receive(5_000)).getText());
        assertEquals(1, owner.purgeQueue("bob.orders") + 1); // manage permitted too (nothing left: 0)
    }

    @Test
    void eachUserIsRefusedTheOtherUsersQueueToSendConsumeAndBrowse() throws Exception {
        setUp();
        grantRules();
        Session alice = as(alice()).createSession();
        Session bob = as(bob()).createSession();
        Queue bobs = bob.createQueue("bob.orders");
        Queue alices = alice.createQueue("alice.orders");
        bob.createProducer(bobs).send(bob.createTextMessage("for bob"));
        alice.createProducer(alices).send(alice.createTextMessage("for alice"));
        try (AuditLog log = new AuditLog()) {
            refused(JMSSecurityException.class, "send", "queue:bob.orders",
                    () -> alice.createProducer(bobs).send(alice.createTextMessage("intrusion")));
            assertTrue(log.line("JMQ9106").contains("send on queue:bob.orders refused"), log::all);
            assertTrue(log.line("JMQ9106").contains("user " + alice()), log::all);
            log.assertAbsent(PASSWORD);
        }
        // an anonymous producer is checked at each send
        refused(JMSSecurityException.class, "send", "queue:bob.orders",
                () -> alice.createProducer(null).send(bobs, alice.createTextMessage("intrusion")));
        refused(JMSSecurityException.class, "consume", "queue:bob.orders", () -> alice.createConsumer(bobs));
        refused(JMSSecurityException.class, "browse", "queue:bob.orders", () -> alice.createBrowser(bobs));
        refused(JMSSecurityException.class, "send", "queue:alice.orders",
                () -> bob.createProducer(alices).send(bob.createTextMessage("intrusion")));
        refused(JMSSecurityException.class, "consume", "queue:alice.orders", () -> bob.createConsumer(alices));
        refused(JMSSecurityException.class, "browse", "queue:alice.orders", () -> bob.createBrowser(alices));
        // the simplified API refuses with the runtime twin
        try (JMSContext ctx = factory.createContext(alice(), PASSWORD)) {
            refused(JMSSecurityRuntimeException.class, "send", "queue:bob.orders",
                    () -> ctx.createProducer().send(bobs, "intrusion"));
            refused(JMSSecurityRuntimeException.class, "consume", "queue:bob.orders",
                    () -> ctx.createConsumer(bobs));
            refused(JMSSecurityRuntimeException.class, "browse", "queue:bob.orders", () -> ctx.createBrowser(bobs));
        }
        // each still has its own queue, and got nothing of the other
        assertEquals("for bob", ((TextMessage) bob.createConsumer(bobs).receive(5_000)).getText());
        assertEquals("for alice", ((TextMessage) alice.createConsumer(alices).receive(5_000)).getText());
        assertEquals(0, owner.purgeQueue("bob.orders")); // no intrusion was stored
    }

    @Test
    void theAdminMayDoEverything() throws Exception {
        setUp();
        grantRules();
        Session admin = as(admin()).createSession();
        for (String name : new String[] {"alice.orders", "bob.orders", "elsewhere"}) {
            Queue q = admin.createQueue(name);
            admin.createProducer(q).send(admin.createTextMessage("one"));
            admin.createProducer(q).send(admin.createTextMessage("two"));
            assertTrue(admin.createBrowser(q).getEnumeration().hasMoreElements());
            assertNotNull(admin.createConsumer(q).receive(5_000));
        }
        Topic t = admin.createTopic("bob.news");
        assertNotNull(admin.createSharedDurableConsumer(t, "admin-sub"));
        try (JournalAdmin ops = adminAs(admin())) {
            assertEquals(1, ops.purgeQueue("elsewhere"));
            assertEquals(1, ops.move(MoveRequest.move("bob.orders", "alice.orders", null, 0)));
            assertTrue(ops.grant(new AccessGrant(bob(), Operation.BROWSE, "queue:shared.*")));
            assertTrue(ops.revoke(new AccessGrant(bob(), Operation.BROWSE, "queue:shared.*")));
        }
    }

    @Test
    void aTopicSubscriptionIsCheckedAgainstItsTopicsPattern() throws Exception {
        setUp();
        grantRules();
        Session alice = as(alice()).createSession();
        Topic bobs = alice.createTopic("bob.news");
        Topic alices = alice.createTopic("alice.news");
        refused(JMSSecurityException.class, "consume", "topic:bob.news", () -> alice.createConsumer(bobs));
        refused(JMSSecurityException.class, "consume", "topic:bob.news", () -> alice.createDurableConsumer(bobs, "d"));
        refused(JMSSecurityException.class, "consume", "topic:bob.news", () -> alice.createSharedConsumer(bobs, "s"));
        refused(JMSSecurityException.class, "consume", "topic:bob.news",
                () -> alice.createSharedDurableConsumer(bobs, "sd"));
        refused(JMSSecurityException.class, "send", "topic:bob.news",
                () -> alice.createProducer(bobs).send(alice.createTextMessage("x")));
        var sub = alice.createSharedDurableConsumer(alices, "mine");
        alice.createProducer(alices).send(alice.createTextMessage("news"));
        assertEquals("news", ((TextMessage) sub.receive(5_000)).getText());
    }

    @Test
    void aTemporaryQueueIsConsumedByItsConnectionOnlyAndSentToWithSendOnTempQueue() throws Exception {
        setUp();
        grantRules();
        Session bob = as(bob()).createSession();
        Session alice = as(alice()).createSession();
        TemporaryQueue bobsReplies = bob.createTemporaryQueue();
        TemporaryQueue alicesReplies = alice.createTemporaryQueue();
        // alice has send on temp-queue:*: request/reply works
        alice.createProducer(bobsReplies).send(alice.createTextMessage("reply"));
        assertEquals("reply", ((TextMessage) bob.createConsumer(bobsReplies).receive(5_000)).getText());
        // whatever the list says, another connection neither consumes nor browses it
        assertThrows(InvalidDestinationException.class, () -> alice.createConsumer(bobsReplies));
        assertThrows(InvalidDestinationException.class, () -> alice.createBrowser(bobsReplies));
        // bob has no send on temp-queue:*
        refused(JMSSecurityException.class, "send", "temp-queue:" + alicesReplies.getQueueName(),
                () -> bob.createProducer(alicesReplies).send(bob.createTextMessage("x")));
    }

    @Test
    void aRevokedConsumerStopsGettingMessagesAndTheyStayForOthers() throws Exception {
        setUp();
        grantRules();
        Session alice = as(alice()).createSession();
        Queue q = alice.createQueue("alice.jobs");
        var consumer = alice.createConsumer(q);
        var producer = alice.createProducer(q);
        producer.send(alice.createTextMessage("before"));
        assertEquals("before", ((TextMessage) consumer.receive(5_000)).getText());
        assertNull(consumer.receiveNoWait()); // now waiting: the next send of this journal could be handed over

        owner.revoke(new AccessGrant(alice(), Operation.CONSUME, "queue:alice.*"));
        // alice's journal reads the list again at its next maintenance run
        await("alice's journal sees the revoke", 10_000, () -> {
            try {
                alice.createConsumer(q).close();
                return false;
            } catch (JMSSecurityException e) {
                return true;
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        producer.send(alice.createTextMessage("after")); // alice still may send
        assertNull(consumer.receive(500), "a revoked consumer gets nothing, handed over or claimed");
        Session admin = as(admin()).createSession();
        assertEquals("after", ((TextMessage) admin.createConsumer(q).receive(5_000)).getText());
    }

    @Test
    void onlyAManagerOfEveryQueueAndTopicChangesTheListAndChangesAreAudited() throws Exception {
        setUp();
        try (AuditLog log = new AuditLog()) {
            // bootstrap: the first grant is free, and its audit line says so
            assertEquals(2, owner.grant(java.util.List.of(new AccessGrant(owner(), Operation.MANAGE, "queue:*"),
                    new AccessGrant(owner(), Operation.MANAGE, "topic:*"))));
            assertTrue(log.lines().stream().filter(l -> l.contains("JMQ9004")).allMatch(l -> l.contains("first grant")),
                    log::all);
            assertTrue(log.all().contains("JMQ9004 access grant " + owner() + " manage topic:* (first grant"), log::all);
        }
        try (AuditLog log = new AuditLog()) {
            assertFalse(owner.grant(new AccessGrant(owner(), Operation.MANAGE, "topic:*")));
            assertTrue(log.line("JMQ9004").contains("(it existed already)"), log::all);
        }
        owner.grant(new AccessGrant(alice(), Operation.MANAGE, "queue:alice.*"));
        try (JournalAdmin a = adminAs(alice()); AuditLog log = new AuditLog()) {
            AccessGrant more = new AccessGrant(alice(), Operation.MANAGE, "queue:*");
            refused(JMSSecurityException.class, "manage", "queue:* and topic:*", () -> a.grant(more));
            refused(JMSSecurityException.class, "manage", "queue:* and topic:*", () -> a.revoke(more));
            refused(JMSSecurityException.class, "manage", "queue:bob.orders", () -> a.purgeQueue("bob.orders"));
            assertEquals(0, a.purgeQueue("alice.orders"));
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("JMQ9106 manage on queue:* and topic:* refused")),
                    log::all);
        }
        try (AuditLog log = new AuditLog()) {
            assertTrue(owner.revoke(new AccessGrant(alice(), Operation.MANAGE, "queue:alice.*")));
            assertTrue(log.line("JMQ9005").contains("access revoke " + alice() + " manage queue:alice.*"), log::all);
        }
        assertEquals(2, owner.grants().size());
    }
}
