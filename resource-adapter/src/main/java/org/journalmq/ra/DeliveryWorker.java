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
import javax.transaction.xa.XAResource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.journalmq.jms.client.JournalConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session of an activation. For a bean with a container-managed transaction each round is
 * createEndpoint(xaResource), beforeDelivery (the container starts the transaction and enlists the XA
 * session's resource), receive, onMessage, afterDelivery (the container commits or rolls back, and so
 * acknowledges the message or gives it back). For a bean without one, a normal return of onMessage
 * commits the local session and an exception rolls it back. A rolled back message is redelivered by
 * the provider with its delivery count raised.
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
    /** The XA session's resource, or null for a bean without a container transaction. */
    private final XAResource xaResource;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean halted;

    DeliveryWorker(Activation activation, Session session, MessageConsumer consumer, int generation,
                   XAResource xaResource) {
        this.activation = activation;
        this.session = session;
        this.consumer = consumer;
        this.generation = generation;
        this.xaResource = xaResource;
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
                if (xaResource != null) {
                    deliverTransacted();
                } else {
                    Message m = consumer.receive(RECEIVE_MILLIS);
                    if (m != null) {
                        deliverUntransacted(m);
                    }
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

    /**
     * One round in the container's transaction: the receive is part of it, so a rollback redelivers.
     * The transaction starts only once a message is in hand, so an idle session opens none.
     */
    private void deliverTransacted() throws JMSException {
        if (consumer instanceof JournalConsumer jc && !jc.awaitMessage(RECEIVE_MILLIS)) {
            return;
        }
        MessageEndpoint endpoint = createEndpoint();
        if (endpoint == null) {
            return;
        }
        try {
            endpoint.beforeDelivery(ON_MESSAGE);
            try {
                Message m = consumer instanceof JournalConsumer ? consumer.receiveNoWait()
                        : consumer.receive(RECEIVE_MILLIS);
                if (m != null) {
                    onMessage(endpoint, m);
                }
            } finally {
                endpoint.afterDelivery();
            }
        } catch (ResourceException | NoSuchMethodException e) {
            // The container could not start or complete its transaction: it rolled back, and the
            // message (if one was received) is delivered again.
            LOG.warn("JMQ7014 transacted delivery to {} failed: {}", activation.spec(), e.toString());
        } finally {
            endpoint.release();
        }
    }

    private void onMessage(MessageEndpoint endpoint, Message m) throws JMSException {
        try {
            ((MessageListener) endpoint).onMessage(m);
        } catch (RuntimeException e) {
            // The container has marked its transaction for rollback (EJB 3.2 sec. 9.3.4).
            LOG.warn("JMQ7015 onMessage of {} threw for {}, the message will be redelivered: {}", activation.spec(),
                    m.getJMSMessageID(), e.toString());
        }
    }

    /** Bean-managed or NOT_SUPPORTED: a normal return acknowledges, an exception gives the message back. */
    private void deliverUntransacted(Message m) throws JMSException {
        MessageEndpoint endpoint = createEndpoint();
        if (endpoint == null) {
            session.rollback(); // deactivated while waiting: the message goes back
            return;
        }
        try {
            ((MessageListener) endpoint).onMessage(m);
        } catch (RuntimeException e) {
            LOG.warn("JMQ7015 onMessage of {} threw for {}, the message will be redelivered: {}", activation.spec(),
                    m.getJMSMessageID(), e.toString());
            session.rollback();
            return;
        } finally {
            endpoint.release();
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
