package org.journalmq.ra;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.transaction.xa.XAResource;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalQueue;
import org.journalmq.jms.JournalTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message-driven bean endpoint bound to a destination. A connector Work opens a connection and
 * {@code maxSessions} delivery Works, each a session with one consumer. When the journal cannot be
 * reached, or a delivery session fails, everything is closed and the connector tries again with an
 * exponential back-off (1 s doubling to 30 s) until it succeeds or the endpoint is deactivated.
 * Unacknowledged messages stay in the journal meanwhile: nothing is lost.
 */
final class Activation {

    private static final Logger LOG = LoggerFactory.getLogger(Activation.class);
    static final long FIRST_BACKOFF_MILLIS = 1_000;
    static final long MAX_BACKOFF_MILLIS = 30_000;

    private final JournalConnectionFactory factory;
    private final WorkManager workManager;
    private final MessageEndpointFactory endpointFactory;
    private final JournalActivationSpec spec;
    private final Object lock = new Object();
    /** Guarded by lock. */
    private boolean stopped;
    private Connection connection;
    private final List<DeliveryWorker> workers = new ArrayList<>();
    private int generation;
    private final java.util.concurrent.atomic.AtomicInteger failedAttempts = new java.util.concurrent.atomic.AtomicInteger();

    Activation(JournalConnectionFactory factory, WorkManager workManager, MessageEndpointFactory endpointFactory,
               JournalActivationSpec spec) {
        this.factory = factory;
        this.workManager = workManager;
        this.endpointFactory = endpointFactory;
        this.spec = spec;
    }

    MessageEndpointFactory endpointFactory() {
        return endpointFactory;
    }

    JournalActivationSpec spec() {
        return spec;
    }

    void start() throws WorkException {
        schedule(this::connectLoop);
    }

    private void schedule(Runnable r) throws WorkException {
        workManager.scheduleWork(new Work() {
            @Override
            public void run() {
                r.run();
            }

            @Override
            public void release() {
                // stop() closes the connection, which ends every receive() promptly
            }
        }, WorkManager.INDEFINITE, null, null);
    }

    /** Connects, retrying with back-off while the journal is unreachable. */
    private void connectLoop() {
        long backoff = FIRST_BACKOFF_MILLIS;
        int attempt = 0;
        while (true) {
            synchronized (lock) {
                if (stopped) {
                    return;
                }
            }
            attempt++;
            try {
                connect();
                if (attempt > 1) {
                    LOG.info("JMQ7008 delivery to {} resumed after {} attempts", spec, attempt);
                } else {
                    LOG.info("JMQ7007 delivery to {} activated", spec);
                }
                return;
            } catch (JMSSecurityException e) {
                // Wrong credentials do not fix themselves like a database coming back does, but an
                // administrator may create the user or set its password: keep trying, loudly.
                closeConnection();
                failedAttempts.incrementAndGet();
                LOG.error("JMQ7028 the database refused the credentials of the activation {} (attempt {}), retrying"
                        + " in {} ms: {}", spec, attempt, backoff, e.getMessage());
            } catch (JMSException | NamingException | WorkException | RuntimeException e) {
                closeConnection();
                failedAttempts.incrementAndGet();
                LOG.warn("JMQ7009 cannot start delivery to {} (attempt {}), retrying in {} ms: {}", spec, attempt,
                        backoff, e.getMessage());
            }
            synchronized (lock) {
                long until = System.nanoTime() + backoff * 1_000_000;
                while (!stopped) {
                    long left = (until - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        break;
                    }
                    try {
                        lock.wait(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    private void connect() throws JMSException, NamingException, WorkException {
        checkConnectionFactory();
        Destination destination = resolveDestination();
        boolean transacted = isDeliveryTransacted();
        // The bean's own credentials when its activation has a user (the password is the spec's,
        // possibly none), else the adapter's configured user and password (or passwordEnv).
        String user = spec.signOnUser();
        XAConnection c = user == null ? factory.createXAConnection()
                : factory.createXAConnection(user, spec.getPassword());
        List<DeliveryWorker> made = new ArrayList<>();
        synchronized (lock) {
            if (stopped) {
                c.close();
                return;
            }
            connection = c;
            generation++;
        }
        if (spec.getClientId() != null && !spec.getClientId().isBlank()) {
            c.setClientID(spec.getClientId());
        }
        for (int i = 0; i < spec.sessions(); i++) {
            // A container-managed transaction receives on an XA session whose branch the container
            // starts in beforeDelivery; a bean without one gets a local transacted session that a
            // normal return of onMessage commits. Either way a rollback brings the message back.
            Session s = transacted ? c.createXASession() : c.createSession(Session.SESSION_TRANSACTED);
            XAResource xa = transacted ? ((XASession) s).getXAResource() : null;
            made.add(new DeliveryWorker(this, s, consumer(s, destination), generation, xa));
        }
        c.start();
        synchronized (lock) {
            workers.addAll(made);
        }
        for (DeliveryWorker w : made) {
            schedule(w);
        }
    }

    private boolean isDeliveryTransacted() {
        try {
            return endpointFactory.isDeliveryTransacted(DeliveryWorker.ON_MESSAGE);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the endpoint does not implement MessageListener.onMessage", e);
        }
    }

    private MessageConsumer consumer(Session s, Destination d) throws JMSException {
        String selector = spec.getMessageSelector() == null || spec.getMessageSelector().isBlank()
                ? null : spec.getMessageSelector();
        if (!(d instanceof Topic topic)) {
            return s.createConsumer(d, selector);
        }
        String name = spec.getSubscriptionName();
        if (spec.isDurable()) {
            return spec.isShared() ? s.createSharedDurableConsumer(topic, name, selector)
                    : s.createDurableConsumer(topic, name, selector, false);
        }
        return spec.isShared() ? s.createSharedConsumer(topic, name, selector) : s.createConsumer(topic, selector);
    }

    /**
     * connectionFactoryLookup (EJB 3.2 sec. 5.4.17.1) names the factory whose connection delivers. Every
     * factory of this adapter reaches the adapter's one journal, so delivery uses the adapter's own
     * connections either way; what the property can get wrong is naming no factory, or another
     * adapter's, and that is refused here (logged with the name, retried like a missing destination).
     */
    private void checkConnectionFactory() throws NamingException {
        String lookup = spec.getConnectionFactoryLookup();
        if (lookup == null || lookup.isBlank()) {
            return;
        }
        Object o = new InitialContext().lookup(lookup);
        if (!(o instanceof RaConnectionFactory cf) || !cf.delivers(factory)) {
            throw new NamingException("connectionFactoryLookup '" + lookup + "' is not a connection factory of this"
                    + " JournalMQ resource adapter: " + o);
        }
    }

    private Destination resolveDestination() throws NamingException {
        String lookup = spec.getDestinationLookup();
        if (lookup != null && !lookup.isBlank()) {
            Object o = new InitialContext().lookup(lookup);
            if (!(o instanceof Destination d)) {
                throw new NamingException("destinationLookup '" + lookup + "' is not a jakarta.jms.Destination: " + o);
            }
            return d;
        }
        return spec.isTopic() ? new JournalTopic(spec.getDestination()) : new JournalQueue(spec.getDestination());
    }

    /** A delivery session failed: start over with a fresh connection, unless already done. */
    void workerFailed(int workerGeneration, Exception e) {
        synchronized (lock) {
            if (stopped || workerGeneration != generation) {
                return;
            }
            generation++;
        }
        LOG.warn("JMQ7010 delivery to {} failed, reconnecting: {}", spec, e.getMessage());
        closeConnection();
        try {
            schedule(this::connectLoop);
        } catch (WorkException we) {
            LOG.error("JMQ7011 cannot schedule the reconnection of {}: {}", spec, we.getMessage());
        }
    }

    /** Connection attempts that failed so far (the retry with back-off is observable in tests). */
    int failedAttempts() {
        return failedAttempts.get();
    }

    boolean isCurrent(int workerGeneration) {
        synchronized (lock) {
            return !stopped && workerGeneration == generation;
        }
    }

    /** Stops delivery: waits for deliveries in progress to finish, then closes the connection. */
    void stop() {
        List<DeliveryWorker> toWait;
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
            toWait = new ArrayList<>(workers);
        }
        for (DeliveryWorker w : toWait) {
            w.awaitFinished(MAX_BACKOFF_MILLIS);
        }
        closeConnection();
        LOG.info("JMQ7012 delivery to {} deactivated", spec);
    }

    private void closeConnection() {
        Connection c;
        List<DeliveryWorker> old;
        synchronized (lock) {
            c = connection;
            connection = null;
            old = new ArrayList<>(workers);
            workers.clear();
        }
        for (DeliveryWorker w : old) {
            w.halt();
        }
        if (c != null) {
            try {
                c.close();
            } catch (JMSException | RuntimeException e) {
                LOG.debug("closing a failed delivery connection: {}", e.getMessage());
            }
        }
    }
}
