package org.journalmq.ra;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session of an activation: receives a message, hands it to an endpoint instance, and lets the
 * outcome decide: the container's transaction (beforeDelivery/afterDelivery around onMessage with
 * this session's {@link DeliveryXAResource} enlisted) or, for a bean without a transaction, a normal
 * return (commit) versus an exception (rollback). A rolled back message is redelivered by the
 * provider with its delivery count raised.
 */
final class DeliveryWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final long RECEIVE_MILLIS = 1_000;
    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Activation activation;
    private final Session session;
    private final MessageConsumer consumer;
    private final int generation;
    private final DeliveryXAResource xaResource;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean halted;

    DeliveryWorker(Activation activation, Session session, MessageConsumer consumer, int generation) {
        this.activation = activation;
        this.session = session;
        this.consumer = consumer;
        this.generation = generation;
        this.xaResource = new DeliveryXAResource(session);
    }

    void halt() {
        halted = true;
    }

    void awaitFinished(long millis) {
        try {
            if (!finished.await(millis, TimeUnit.MILLISECONDS)) {
                LOG.warn("JMQ7013 a delivery to {} did not finish within {} ms", activation.spec(), millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean running() {
        return !halted && activation.isCurrent(generation);
    }

    @Override
    public void run() {
        try {
            while (running()) {
                Message m = consumer.receive(RECEIVE_MILLIS);
                if (m != null) {
                    deliver(m);
                }
            }
        } catch (JMSException | RuntimeException e) {
            if (running()) {
                activation.workerFailed(generation, e);
            }
        } finally {
            finished.countDown();
        }
    }

    private void deliver(Message m) throws JMSException {
        MessageEndpoint endpoint = createEndpoint();
        if (endpoint == null) {
            session.rollback(); // deactivated while waiting: the message goes back, counted as delivered
            return;
        }
        try {
            boolean transacted = activation.endpointFactory().isDeliveryTransacted(ON_MESSAGE);
            if (transacted) {
                deliverTransacted(endpoint, m);
            } else {
                deliverUntransacted(endpoint, m);
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("MessageListener.onMessage not found", e);
        } finally {
            endpoint.release();
        }
    }

    /** The container's transaction decides: it commits or rolls back our resource. */
    private void deliverTransacted(MessageEndpoint endpoint, Message m) throws JMSException {
        xaResource.reset();
        try {
            endpoint.beforeDelivery(ON_MESSAGE);
            try {
                ((MessageListener) endpoint).onMessage(m);
            } finally {
                endpoint.afterDelivery();
            }
        } catch (ResourceException | NoSuchMethodException | RuntimeException e) {
            LOG.warn("JMQ7014 transacted delivery of {} to {} failed: {}", m.getJMSMessageID(), activation.spec(),
                    e.toString());
        }
        if (!xaResource.completed()) {
            // The container did not enlist us or failed before completing: keep the message.
            session.rollback();
        }
    }

    /** Bean-managed or NOT_SUPPORTED: a normal return acknowledges, an exception gives the message back. */
    private void deliverUntransacted(MessageEndpoint endpoint, Message m) throws JMSException {
        try {
            ((MessageListener) endpoint).onMessage(m);
        } catch (RuntimeException e) {
            LOG.warn("JMQ7015 onMessage of {} threw, the message will be redelivered: {}", activation.spec(),
                    e.toString());
            session.rollback();
            return;
        }
        session.commit();
    }

    /** An endpoint instance; the container may not be ready yet right after deployment. */
    private MessageEndpoint createEndpoint() {
        long wait = 100;
        while (running()) {
            try {
                return activation.endpointFactory().createEndpoint(xaResource);
            } catch (UnavailableException e) {
                try {
                    Thread.sleep(wait); // no condition to await: the container gives no signal when ready
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                wait = Math.min(2_000, wait * 2);
            }
        }
        return null;
    }
}
