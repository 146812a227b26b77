package org.journalmq.tck;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Durable and shared subscriptions (spec 6.11 and 8.3; the javadoc of Session.createDurableConsumer,
 * createSharedConsumer, createSharedDurableConsumer, unsubscribe and their JMSContext twins): the
 * illegal arguments and wrong states their javadoc names.
 */
public abstract class AbstractSubscriptionTest extends ConformanceBase {

    private Topic topic(Session s) throws JMSException {
        return s.createTopic("subs-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * Session.createDurableConsumer / createDurableSubscriber javadoc: InvalidDestinationException
     * "if an invalid topic is specified" (null, or a temporary topic: the parameter is "the
     * non-temporary Topic"), InvalidSelectorException for a bad selector, IllegalStateException "if
     * the client identifier is unset"; a subscription name is required.
     */
    @Test
    void durableConsumerBadInput() throws Exception {
        Connection anonymous = connect();
        Session noId = anonymous.createSession();
        Topic t = topic(noId);
        assertThrows(IllegalStateException.class, () -> noId.createDurableConsumer(t, "needs-client-id"));
        assertThrows(IllegalStateException.class, () -> noId.createDurableSubscriber(t, "needs-client-id"));

        Connection c = connect();
        c.setClientID("subs-" + UUID.randomUUID());
        Session s = c.createSession();
        TemporaryTopic temporary = s.createTemporaryTopic();
        assertThrows(InvalidDestinationException.class, () -> s.createDurableConsumer(null, "d"));
        assertThrows(InvalidDestinationException.class, () -> s.createDurableSubscriber(null, "d", null, false));
        assertThrows(InvalidDestinationException.class, () -> s.createDurableConsumer(temporary, "d"));
        assertThrows(InvalidSelectorException.class, () -> s.createDurableConsumer(t, "d", "a =", false));
        assertThrows(InvalidSelectorException.class, () -> s.createDurableSubscriber(t, "d", "(", true));
        assertThrows(JMSException.class, () -> s.createDurableConsumer(t, null));
        assertThrows(JMSException.class, () -> s.createDurableConsumer(t, ""));
        assertNotNull(s.createDurableConsumer(t, "d"), "the valid call still works after the refused ones");
    }

    /** Session.createSharedConsumer / createSharedDurableConsumer javadoc: invalid topic, selector, name. */
    @Test
    void sharedConsumerBadInput() throws Exception {
        Session s = session();
        Topic t = topic(s);
        assertThrows(InvalidDestinationException.class, () -> s.createSharedConsumer(null, "shared"));
        assertThrows(InvalidDestinationException.class, () -> s.createSharedDurableConsumer(null, "shared"));
        assertThrows(InvalidDestinationException.class,
                () -> s.createSharedDurableConsumer(s.createTemporaryTopic(), "shared"));
        assertThrows(InvalidSelectorException.class, () -> s.createSharedConsumer(t, "shared", "x LIKE"));
        assertThrows(InvalidSelectorException.class, () -> s.createSharedDurableConsumer(t, "shared", "1 +"));
        assertThrows(JMSException.class, () -> s.createSharedConsumer(t, null));
        assertThrows(JMSException.class, () -> s.createSharedDurableConsumer(t, ""));
    }

    /**
     * Session.unsubscribe javadoc: InvalidDestinationException "if an invalid subscription name is
     * specified"; JMSException while a consumer of the subscription is active (spec 6.11.4).
     */
    @Test
    void unsubscribeBadInputAndWrongState() throws Exception {
        Connection c = connect();
        c.setClientID("unsub-" + UUID.randomUUID());
        Session s = c.createSession();
        Topic t = topic(s);
        assertThrows(InvalidDestinationException.class, () -> s.createSharedDurableConsumer(null, "x"));
        assertThrows(InvalidDestinationException.class, () -> s.unsubscribe("never-created"));
        assertThrows(JMSException.class, () -> s.unsubscribe(null));
        MessageConsumer active = s.createDurableConsumer(t, "busy");
        assertThrows(JMSException.class, () -> s.unsubscribe("busy"));
        active.close();
        s.unsubscribe("busy");
        assertThrows(InvalidDestinationException.class, () -> s.unsubscribe("busy"), "already removed");
    }

    /** The JMSContext twins (JMSContext javadoc): the runtime exceptions for the same cases. */
    @Test
    void contextSubscriptionBadInput() {
        JMSContext noId = context();
        Topic t = noId.createTopic("ctx-subs-" + UUID.randomUUID().toString().substring(0, 8));
        assertThrows(IllegalStateRuntimeException.class, () -> noId.createDurableConsumer(t, "needs-client-id"));
        JMSContext ctx = context();
        ctx.setClientID("ctx-subs-" + UUID.randomUUID());
        assertThrows(InvalidDestinationRuntimeException.class, () -> ctx.createDurableConsumer(null, "d"));
        assertThrows(InvalidDestinationRuntimeException.class, () -> ctx.createSharedConsumer(null, "s"));
        assertThrows(InvalidDestinationRuntimeException.class, () -> ctx.createSharedDurableConsumer(null, "s"));
        assertThrows(InvalidSelectorRuntimeException.class, () -> ctx.createDurableConsumer(t, "d", "a =", false));
        assertThrows(InvalidSelectorRuntimeException.class, () -> ctx.createSharedConsumer(t, "s", "NOT"));
        assertThrows(JMSRuntimeException.class, () -> ctx.createDurableConsumer(t, null));
        assertThrows(JMSRuntimeException.class, () -> ctx.createSharedDurableConsumer(t, ""));
        assertThrows(InvalidDestinationRuntimeException.class, () -> ctx.unsubscribe("never-created"));
        JMSConsumer active = ctx.createDurableConsumer(t, "busy");
        assertThrows(JMSRuntimeException.class, () -> ctx.unsubscribe("busy"));
        active.close();
        ctx.unsubscribe("busy");
    }
}
