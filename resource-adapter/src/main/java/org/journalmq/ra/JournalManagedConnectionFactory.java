package org.journalmq.ra;

import jakarta.jms.XAConnection;
import jakarta.jms.JMSException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * Outbound: makes the physical connections the container pools. Applications get
 * {@link RaConnectionFactory} handles from it, which are the ConnectionFactory, QueueConnectionFactory
 * and TopicConnectionFactory of the connection definitions in ra.xml.
 */
public class JournalManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient JournalResourceAdapter adapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager cm) {
        return new RaConnectionFactory(this, cm);
    }

    /** Outside a container (JCA 2.1 sec. 6.5.1.1, "non-managed"): each handle gets its own connection. */
    @Override
    public Object createConnectionFactory() {
        return new RaConnectionFactory(this, new UnpooledConnectionManager());
    }

    /**
     * Opens a physical connection signed on as {@link #credentialsFor the requested user}. The
     * provider's message names the masked URL and the cause, never the password; a refused login
     * stays the provider's JMSSecurityException (the cause), which the connection factory rethrows.
     */
    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        Credentials c = credentialsFor(subject, info);
        try {
            XAConnection physical = adapter().openOutbound(c.user(), c.password());
            return new JournalManagedConnection(this, physical, c);
        } catch (JMSException e) {
            throw new ResourceAllocationException("cannot open a JournalMQ connection: " + e.getMessage(), e);
        }
    }

    /**
     * Only a connection signed on with the same credentials matches: the pool never hands one user's
     * physical connection (and so its database rights) to another (JCA 2.1 ch. 9, security contract).
     */
    @Override
    @SuppressWarnings("rawtypes") // the JCA 2.1 signature has a raw Set
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        Credentials wanted = credentialsFor(subject, info);
        for (Object o : connections) {
            if (o instanceof JournalManagedConnection mc && mc.factory() == this && mc.credentials().equals(wanted)
                    && mc.isUsable()) {
                return mc;
            }
        }
        return null;
    }

    /**
     * Who a connection signs on as (JCA 2.1 ch. 9). Component-managed sign-on: the application's
     * createConnection(user, password) arrives as the {@link Credentials} request info, and wins.
     * Container-managed sign-on: the container passes a Subject, and its private PasswordCredential
     * for this factory is used; a PasswordCredential meant for another factory (another pool or
     * adapter) is ignored, as the JCA requires, and so is one with a blank user name.
     * Neither: {@link Credentials#NONE}, the adapter's configured user and password.
     */
    Credentials credentialsFor(Subject subject, ConnectionRequestInfo info) {
        // The JCA has the container pass a null Subject for component-managed sign-on, but GlassFish
        // 7.0.21 passes its pool's default Subject (the pool's UserName/Password, else a blank user)
        // for res-auth Application too (CredentialsInGlassFishIT). So a null Subject cannot tell the
        // two apart: the user an application asked for explicitly is the one it gets, still only
        // with that user's password, never the pool's user with the application's wrong password.
        if (info instanceof Credentials cr && cr.user() != null) {
            return cr;
        }
        if (subject != null) {
            for (PasswordCredential pc : subject.getPrivateCredentials(PasswordCredential.class)) {
                // A blank user name is what a server may put in the Subject when its pool has no
                // user configured: that is "no credential", not a database user named "".
                if (this.equals(pc.getManagedConnectionFactory()) && pc.getUserName() != null
                        && !pc.getUserName().isBlank()) {
                    char[] password = pc.getPassword();
                    return new Credentials(pc.getUserName(), password == null ? null : new String(password));
                }
            }
        }
        return Credentials.NONE;
    }

    JournalResourceAdapter adapter() throws ResourceException {
        if (adapter == null) {
            throw new ResourceException("the connection factory is not associated with a JournalMQ resource adapter");
        }
        return adapter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        if (!(ra instanceof JournalResourceAdapter jra)) {
            throw new ResourceException("not the JournalMQ resource adapter: " + ra);
        }
        this.adapter = jra;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // The configuration lives in the adapter, so factories of one adapter are interchangeable
    // only when they are the same instance: the container keeps one pool per factory.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /**
     * The user and password a physical connection signs on with: the request info of
     * createConnection(user, password) (component-managed sign-on) and what a managed connection
     * remembers. Equal by user and password (the record's equals and hashCode, which ConnectionRequestInfo
     * asks for), so the pool never mixes credentials; the password never appears in toString.
     */
    record Credentials(String user, String password) implements ConnectionRequestInfo {
        /** No credentials requested: the adapter's configured user and password. */
        static final Credentials NONE = new Credentials(null, null);

        @Override
        public String toString() {
            return this == NONE || user == null ? "Credentials[configured user]" : "Credentials[user=" + user + "]";
        }
    }

    /** The non-managed case: allocate opens a managed connection and hands out one handle. */
    private static final class UnpooledConnectionManager implements ConnectionManager {
        private static final long serialVersionUID = 1L;

        @Override
        public Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo info)
                throws ResourceException {
            ManagedConnection mc = mcf.createManagedConnection(null, info);
            mc.addConnectionEventListener(new jakarta.resource.spi.ConnectionEventListener() {
                @Override
                public void connectionClosed(jakarta.resource.spi.ConnectionEvent event) {
                    destroy(mc);
                }

                @Override
                public void connectionErrorOccurred(jakarta.resource.spi.ConnectionEvent event) {
                    destroy(mc);
                }

                @Override
                public void localTransactionStarted(jakarta.resource.spi.ConnectionEvent event) {
                }

                @Override
                public void localTransactionCommitted(jakarta.resource.spi.ConnectionEvent event) {
                }

                @Override
                public void localTransactionRolledback(jakarta.resource.spi.ConnectionEvent event) {
                }
            });
            return mc.getConnection(null, info);
        }

        private static void destroy(ManagedConnection mc) {
            try {
                mc.destroy();
            } catch (ResourceException e) {
                org.slf4j.LoggerFactory.getLogger(JournalManagedConnectionFactory.class)
                        .warn("JMQ7004 closing an unpooled JournalMQ connection failed: {}", e.getMessage());
            }
        }
    }
}
