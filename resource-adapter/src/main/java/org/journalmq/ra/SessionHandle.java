package org.journalmq.ra;

import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TopicSession;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XASession;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.journalmq.jms.client.JournalQueueSession;
import org.journalmq.jms.client.JournalSession;
import org.journalmq.jms.client.JournalTopicSession;
import org.journalmq.jms.transaction.ContainerContext;

/**
 * The Session handed to an application by a {@link ConnectionHandle}: the managed connection's
 * physical session, except that close hands it back (closing the producers, consumers and browsers
 * made through this handle, as Session.close would), and inside a transaction commit and rollback
 * belong to the transaction manager (Jakarta Messaging 3.1 sec. 12.3: TransactionInProgressException).
 * A session made by createQueueSession or createTopicSession is the provider's view of its domain,
 * which refuses the other domain's methods (QueueSession and TopicSession javadoc), as in Java SE.
 */
final class SessionHandle extends ContainerHandle {

    /** Asynchronous delivery is for message-driven beans in a container (sec. 12.2 lists all three). */
    private static final Set<String> FORBIDDEN = Set.of("setMessageListener", "getMessageListener", "run");

    /** What Connection method made the session: both domains, or one of them. */
    enum Domain { BOTH, QUEUE, TOPIC }

    private final Session physical;
    /** Where calls go: the physical session, or its QueueSession / TopicSession view. */
    private final Session target;
    private final JournalManagedConnection owner;
    private final Object proxy;
    private final List<AutoCloseable> children = new CopyOnWriteArrayList<>();
    /** What the application asked for; outside a transaction only DUPS_OK_ACKNOWLEDGE is kept (sec. 12.3). */
    private final int requestedMode;
    /** Told of every temporary destination made here: it lives as long as the connection handle. */
    private final Consumer<Object> temporaries;

    SessionHandle(Session physical, JournalManagedConnection owner, int requestedMode, Domain domain,
            Consumer<Object> temporaries) {
        super("Session", FORBIDDEN);
        this.physical = physical;
        this.owner = owner;
        this.requestedMode = requestedMode;
        this.temporaries = temporaries;
        Class<?>[] api;
        switch (domain) {
            case QUEUE -> {
                target = new JournalQueueSession((JournalSession) physical);
                api = new Class<?>[] {Session.class, QueueSession.class};
            }
            case TOPIC -> {
                target = new JournalTopicSession((JournalSession) physical);
                api = new Class<?>[] {Session.class, TopicSession.class};
            }
            default -> {
                target = physical;
                api = new Class<?>[] {Session.class, QueueSession.class, TopicSession.class};
            }
        }
        this.proxy = Proxy.newProxyInstance(SessionHandle.class.getClassLoader(), api, this);
    }

    Session proxy() {
        return (Session) proxy;
    }

    boolean isClosed() {
        return closed;
    }

    void invalidate() {
        closed = true;
    }

    @Override
    void close() {
        if (!closed) {
            closed = true;
            for (AutoCloseable c : children) {
                try {
                    c.close();
                } catch (Exception e) {
                    // the session's transaction, not this object, holds the work: nothing is lost
                }
            }
            children.clear();
            owner.sessionHandleClosed();
        }
    }

    @Override
    Object invokeOpen(Method method, String name, Object[] args) throws Throwable {
        if (name.equals("commit") || name.equals("rollback")) {
            if (owner.inTransaction()) {
                throw new TransactionInProgressException("Session." + name + " is not allowed in a JTA transaction;"
                        + " the transaction manager decides (Jakarta Messaging 3.1 section 12.3)");
            }
            if (physical instanceof XASession) {
                throw new IllegalStateException("Session." + name + " called on a non-transacted session (outside a"
                        + " transaction a container session acknowledges automatically, section 12.3)");
            }
        }
        if (physical instanceof XASession) {
            // Sec. 12.3 and the createSession(boolean, int) javadoc: transacted inside a JTA
            // transaction; outside one non-transacted, AUTO_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE as asked
            // (CLIENT_ACKNOWLEDGE and SESSION_TRANSACTED "may not be used" there: they give AUTO).
            // DUPS_OK is served by acknowledging each message on delivery, which never delivers a
            // duplicate, so it only differs in what the session reports.
            switch (name) {
                case "getTransacted" -> {
                    return owner.inTransaction();
                }
                case "getAcknowledgeMode" -> {
                    return owner.inTransaction() ? Session.SESSION_TRANSACTED : ContainerContext.outsideTransactionMode(requestedMode);
                }
                default -> {
                }
            }
        }
        Object result = forward(target, method, args, owner);
        if (result instanceof TemporaryQueue || result instanceof TemporaryTopic) {
            temporaries.accept(result);
        }
        if (result instanceof MessageProducer || result instanceof MessageConsumer || result instanceof QueueBrowser) {
            Object watched = FailureWatch.watch(result, owner);
            children.add((AutoCloseable) watched);
            return watched;
        }
        return result;
    }

}
