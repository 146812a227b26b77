package org.journalmq.ra;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.transaction.ContainerContext;

/**
 * The ConnectionFactory an application looks up or injects. Each connection it makes is a handle on
 * a pooled connection allocated by the container's ConnectionManager, so that the container can
 * enlist it in the current transaction (JCA 2.1 sec. 6.5.1).
 *
 * <p>createConnection(user, password) and createContext(user, password…) are component-managed
 * sign-on (JCA 2.1 ch. 9): the credentials travel to the managed connection factory as the request
 * info, so the connection signs on to the journal's database as that user.
 */
public class RaConnectionFactory implements QueueConnectionFactory, TopicConnectionFactory, Serializable,
        Referenceable {

    private static final long serialVersionUID = 1L;

    private final transient JournalManagedConnectionFactory mcf;
    private final transient ConnectionManager cm;
    private Reference reference;

    RaConnectionFactory(JournalManagedConnectionFactory mcf, ConnectionManager cm) {
        this.mcf = mcf;
        this.cm = cm;
    }

    private ConnectionHandle allocate(String user, String password) throws JMSException {
        JournalManagedConnectionFactory.Credentials cri = user == null
                ? JournalManagedConnectionFactory.Credentials.NONE
                : new JournalManagedConnectionFactory.Credentials(user, password);
        try {
            return ConnectionHandle.of(cm.allocateConnection(mcf, cri));
        } catch (ResourceException e) {
            // The provider's own exception when it refused: a refused login stays a
            // JMSSecurityException (code JMQ-AUTH), as createConnection(user, password) specifies.
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof JMSException provider) {
                    throw provider;
                }
            }
            JMSException j = new JMSException("cannot get a JournalMQ connection from the container: "
                    + e.getMessage());
            j.setLinkedException(e);
            j.initCause(e);
            throw j;
        }
    }

    @Override
    public Connection createConnection() throws JMSException {
        return (Connection) allocate(null, null).proxy();
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return (Connection) allocate(userName, password).proxy();
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return (QueueConnection) allocate(null, null).proxy();
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return (QueueConnection) allocate(userName, password).proxy();
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return (TopicConnection) allocate(null, null).proxy();
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return (TopicConnection) allocate(userName, password).proxy();
    }

    @Override
    public JMSContext createContext() {
        return context(null, null, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return context(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return context(userName, password, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return context(null, null, sessionMode);
    }

    /**
     * A container context (JMSContext javadoc, "in a Jakarta EE web or EJB container"): one pooled
     * connection and its one session; the mode is ignored in a transaction, and outside one only
     * DUPS_OK_ACKNOWLEDGE differs from AUTO_ACKNOWLEDGE.
     */
    private JMSContext context(String user, String password, int sessionMode) {
        ConnectionHandle h = null;
        try {
            h = allocate(user, password);
            JournalManagedConnection mc = h.owner();
            boolean inTransaction = mc.inTransaction();
            h.createSession(sessionMode);
            ConnectionHandle handle = h;
            return ContainerContext.create(mc.physical(), mc.currentPhysicalSession(), inTransaction, sessionMode,
                    handle::close);
        } catch (JMSException e) {
            if (h != null) {
                h.close();
            }
            throw JmsExceptions.toRuntime(e); // JMSSecurityException -> JMSSecurityRuntimeException
        }
    }

    /** True when this factory's connections come from the adapter whose journal {@code journal} is. */
    boolean delivers(JournalConnectionFactory journal) {
        try {
            return mcf != null && mcf.adapter().factory() == journal;
        } catch (ResourceException e) {
            return false; // an adapter that is not started is not the one delivering
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
