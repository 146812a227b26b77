package org.journalmq.jms.it;

import static org.journalmq.persistence.PostgresRoles.ADMIN;
import static org.journalmq.persistence.PostgresRoles.ALICE;
import static org.journalmq.persistence.PostgresRoles.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.Journals;
import org.journalmq.persistence.PostgresRoles;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 1 through the JMS API: on a schema owned by {@code rls15_admin}, with
 * {@code rls15_alice} allowed {@code queue:a.*} and {@code rls15_bob} {@code queue:b.*} by the ACL
 * JournalMQ's checks and PostgreSQL's row-level security both refuse each the other's queue (the
 * database's refusal alone is tested through raw SQL and the journal in {@code PostgresRowSecurityTest}).
 */
class PostgresRowSecurityJmsTest {
    private static final long RECEIVE_MILLIS = 2_000;
    private String prefix;
    private JournalConnectionFactory factory;
    private final List<Connection> connections = new ArrayList<>();

    @BeforeEach
    void schemaOwnedByTheAdmin() {
        PostgresRoles.ensure();
        prefix = TestDatabases.randomPrefix();
        Journals.open(PostgresRoles.as(ADMIN, prefix).build()).close(); // migrates as the owner
        for (String client : List.of(ALICE, BOB)) {
            PostgresRoles.grantClient(prefix, client);
            for (String operation : List.of("send", "consume", "browse")) {
                PostgresRoles.permit(prefix, client, operation, client.equals(ALICE) ? "queue:a.*" : "queue:b.*");
            }
        }
        for (String operation : List.of("send", "consume", "browse", "manage")) {
            // JournalMQ's own checks (acl15) know no owner: the admin is in the ACL like anyone.
            for (String kind : List.of("queue", "topic", "temp-queue", "temp-topic")) {
                PostgresRoles.permit(prefix, ADMIN, operation, kind + ":*");
            }
        }
        factory = new JournalConnectionFactory(TestDatabases.postgresUrl());
        factory.setTablePrefix(prefix);
    }

    @AfterEach
    void close() throws Exception {
        for (Connection c : connections) {
            c.close();
        }
        if (prefix != null) {
            TestDatabases.dropAll(PostgresRoles.as(ADMIN, prefix).build());
        }
    }

    private Session session(String role) throws Exception {
        Connection c = factory.createConnection(role, null);
        connections.add(c);
        c.start();
        return c.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Test
    @DisplayName("issue 15 item 1: sending to or consuming from the other's queue throws JMSSecurityException")
    void eachClientIsRefusedTheOthersQueue() throws Exception {
        Session alice = session(ALICE);
        Session bob = session(BOB);
        Queue a = alice.createQueue("a.orders");
        Queue b = bob.createQueue("b.orders");

        JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                () -> alice.createProducer(b).send(alice.createTextMessage("to bob")));
        assertEquals(JmsExceptions.ACCESS_REFUSED, refused.getErrorCode());
        assertTrue(refused.getMessage().contains("send to") && refused.getMessage().contains("b.orders"),
                refused.getMessage());
        assertThrows(JMSSecurityException.class, () -> bob.createProducer(a).send(bob.createTextMessage("to alice")));

        bob.createProducer(b).send(bob.createTextMessage("for bob"));
        alice.createProducer(a).send(alice.createTextMessage("for alice"));
        // Refused by JournalMQ's check already; the rows would be invisible anyway (raw SQL test).
        assertThrows(JMSSecurityException.class, () -> alice.createConsumer(b));
        assertThrows(JMSSecurityException.class, () -> bob.createConsumer(a));
        assertEquals("for bob", ((TextMessage) bob.createConsumer(b).receive(RECEIVE_MILLIS * 5)).getText());
        assertEquals("for alice", ((TextMessage) alice.createConsumer(a).receive(RECEIVE_MILLIS * 5)).getText());
    }

    /**
     * Item 5: sessions with different database credentials never share a group commit. Were alice's
     * and bob's sends written by one journal, both would go out with one role's credentials, and
     * either alice's send would pass or bob's would be refused.
     */
    @Test
    @DisplayName("issue 15 item 1: connections of different database users never share a journal or a group commit")
    void credentialsAreNeverSharedByAGroupCommit() throws Exception {
        Session alice = session(ALICE);
        Session bob = session(BOB);
        MessageProducer aliceToB = alice.createProducer(alice.createQueue("b.shared"));
        MessageProducer bobToB = bob.createProducer(bob.createQueue("b.shared"));
        for (int i = 0; i < 20; i++) {
            bobToB.send(bob.createTextMessage("bob " + i));
            int n = i;
            assertThrows(JMSSecurityException.class, () -> aliceToB.send(alice.createTextMessage("alice " + n)));
        }
        MessageConsumer consumer = bob.createConsumer(bob.createQueue("b.shared"));
        for (int i = 0; i < 20; i++) {
            Message m = consumer.receive(RECEIVE_MILLIS * 5);
            assertNotNull(m, "message " + i);
            assertEquals("bob " + i, ((TextMessage) m).getText());
        }
        assertNull(consumer.receiveNoWait(), "none of alice's sends got in");
    }

    /**
     * The dead-letter move is the provider's, not the consumer's send: alice may consume
     * {@code a.poison} but not send to {@code DLQ.a.poison}, and her poison message reaches it all
     * the same (the move runs through the {@code dead_letter} definer function). Bob, with consume on
     * {@code queue:DLQ.a.*} only, reads it with its dead-letter properties.
     */
    @Test
    @DisplayName("issue 15 item 1: a consumer without send on the dead-letter queue moves a poison message there")
    void deadLetterMoveNeedsNoSendOnTheDeadLetterQueue() throws Exception {
        PostgresRoles.permit(prefix, BOB, "consume", "queue:DLQ.a.*");
        factory.setMaxDeliveryAttempts(2);
        factory.setRedeliveryDelayMillis(0);
        Connection c = factory.createConnection(ALICE, null);
        connections.add(c);
        c.start();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue poison = tx.createQueue("a.poison");
        Session alone = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(JMSSecurityException.class, () -> alone.createProducer(alone.createQueue("DLQ.a.poison"))
                .send(alone.createTextMessage("alice may not send there")));
        tx.createProducer(poison).send(tx.createTextMessage("poison"));
        tx.commit();
        MessageConsumer consumer = tx.createConsumer(poison);
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertNotNull(consumer.receive(RECEIVE_MILLIS * 5), "attempt " + attempt);
            tx.rollback();
        }
        assertNull(consumer.receive(RECEIVE_MILLIS), "no third attempt");
        Session bob = session(BOB);
        Message dead = bob.createConsumer(bob.createQueue("DLQ.a.poison")).receive(RECEIVE_MILLIS * 5);
        assertNotNull(dead, "moved to the dead-letter queue");
        assertEquals("poison", ((TextMessage) dead).getText());
        assertEquals("a.poison", dead.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
        assertEquals(2, dead.getIntProperty(DeadLetters.DELIVERY_ATTEMPTS));
        assertEquals(DeadLetters.REASON_ROLLBACK, dead.getStringProperty(DeadLetters.DEAD_LETTER_REASON));
        Session admin = session(ADMIN);
        assertNull(admin.createConsumer(poison).receive(RECEIVE_MILLIS), "gone from its queue");
    }

    @Test
    @DisplayName("issue 15 item 1: the admin role can do everything")
    void adminCanDoEverything() throws Exception {
        Session admin = session(ADMIN);
        for (String name : List.of("a.orders", "b.orders", "c.nobodys")) {
            Queue q = admin.createQueue(name);
            admin.createProducer(q).send(admin.createTextMessage(name));
            assertEquals(name, ((TextMessage) admin.createConsumer(q).receive(RECEIVE_MILLIS * 5)).getText());
        }
    }
}
