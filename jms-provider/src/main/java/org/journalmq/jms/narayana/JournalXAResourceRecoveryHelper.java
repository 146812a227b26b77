package org.journalmq.jms.narayana;

import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XASession;
import javax.transaction.xa.XAResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives Narayana's recovery manager the JournalMQ XAResource, so that branches left in doubt by a
 * crash (prepared in the journal, transaction outcome in Narayana's log or presumed abort) are
 * committed or rolled back by the next recovery scan, in whichever JVM runs it.
 *
 * <pre>{@code
 * RecoveryManager recovery = RecoveryManager.manager();
 * JournalXAResourceRecoveryHelper.register(factory);   // factory: a JournalConnectionFactory
 * }</pre>
 *
 * <p>The helper opens one XA connection on first use and keeps it for later scans (the journal's
 * pool reconnects by itself); a journal that cannot be opened is reported and skipped until the
 * next scan. One resource is enough: {@code recover} lists every in-doubt branch of the journal,
 * from every JVM. Close the helper after removing it from the recovery module.
 *
 * <p>Narayana is an optional dependency of JournalMQ: only applications that use this class need
 * it on their class path.
 */
public final class JournalXAResourceRecoveryHelper implements XAResourceRecoveryHelper, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalXAResourceRecoveryHelper.class);

    private final XAConnectionFactory factory;
    private final String user;
    private final String password;
    private XAConnection connection;
    private XASession session;

    /** A helper using the factory's own credentials. */
    public JournalXAResourceRecoveryHelper(XAConnectionFactory factory) {
        this(factory, null, null);
    }

    /** A helper connecting with the given credentials (null for the factory's own). */
    public JournalXAResourceRecoveryHelper(XAConnectionFactory factory, String user, String password) {
        if (factory == null) {
            throw new IllegalArgumentException("factory is null");
        }
        this.factory = factory;
        this.user = user;
        this.password = password;
    }

    /**
     * Creates a helper and registers it with the XA recovery module of the running recovery
     * manager (start it first, e.g. with {@code RecoveryManager.manager()}).
     *
     * @throws IllegalStateException when no XA recovery module is registered
     */
    public static JournalXAResourceRecoveryHelper register(XAConnectionFactory factory) {
        XARecoveryModule module = XARecoveryModule.getRegisteredXARecoveryModule();
        if (module == null) {
            throw new IllegalStateException("no Narayana XARecoveryModule is registered: start the recovery"
                    + " manager (RecoveryManager.manager()) before registering the JournalMQ recovery helper");
        }
        JournalXAResourceRecoveryHelper helper = new JournalXAResourceRecoveryHelper(factory);
        module.addXAResourceRecoveryHelper(helper);
        return helper;
    }

    /** Not called by Narayana today; accepts anything. */
    @Override
    public boolean initialise(String parameter) {
        return true;
    }

    @Override
    public synchronized XAResource[] getXAResources() {
        try {
            if (session == null) {
                connection = user == null ? factory.createXAConnection() : factory.createXAConnection(user, password);
                session = connection.createXASession();
            }
            return new XAResource[] {session.getXAResource()};
        } catch (JMSException | RuntimeException e) {
            LOG.warn("JMQ3008 XA recovery cannot reach the JournalMQ journal; its in-doubt branches wait for the"
                    + " next recovery scan: {}", e.getMessage());
            close();
            return new XAResource[0];
        }
    }

    /** Closes the connection this helper opened; a later scan opens a new one. */
    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.debug("closing the recovery connection failed", e);
            }
        }
        connection = null;
        session = null;
    }
}
