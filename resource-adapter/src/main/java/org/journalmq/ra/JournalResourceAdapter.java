package org.journalmq.ra;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.transaction.xa.XAResource;
import org.journalmq.jms.JournalConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JournalMQ resource adapter: one per deployed .rar. Its configuration says where the journal
 * is; outbound connection factories ({@link JournalManagedConnectionFactory}) and message-driven
 * bean activations ({@link JournalActivationSpec}) share it. All message handling is delegated to
 * the provider's {@link JournalConnectionFactory}.
 */
public class JournalResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(JournalResourceAdapter.class);
    /** The JDBC drivers the .rar packs, one per supported database. */
    private static final List<String> PACKED_DRIVERS =
            List.of("org.hsqldb.jdbc.JDBCDriver", "org.postgresql.Driver", "org.mariadb.jdbc.Driver");

    private final RaConfig config = new RaConfig();
    private final Map<ActivationKey, Activation> activations = new ConcurrentHashMap<>();
    private volatile JournalConnectionFactory factory;
    private volatile WorkManager workManager;
    /** Guarded by this: the connection behind {@link #getXAResources}. */
    private XAConnection recoveryConnection;
    private XASession recoverySession;
    /** The JDBC drivers that {@link #start} registered with DriverManager; stop deregisters them. */
    private final List<Driver> registeredDrivers = new CopyOnWriteArrayList<>();
    /** Outbound physical connections; weak, so that those the container destroyed go. */
    private final Set<XAConnection> outbound = Collections.newSetFromMap(new WeakHashMap<>());

    /** An activation is named by its endpoint factory and spec (JCA 2.1 sec. 13.4.2). */
    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    // ---------------------------------------------------------------- configuration (ra.xml config-property)

    public String getUrl() { return config.url; }
    public void setUrl(String url) { config.url = url; }
    public String getUser() { return config.user; }
    public void setUser(String user) { config.user = user; }
    public String getPassword() { return config.password; }
    public void setPassword(String password) { config.password = password; }
    /** An environment variable holding the password, instead of {@code password} in the server's configuration. */
    public String getPasswordEnv() { return config.passwordEnv; }
    public void setPasswordEnv(String variable) { config.passwordEnv = variable; }
    public String getTablePrefix() { return config.tablePrefix; }
    public void setTablePrefix(String prefix) { config.tablePrefix = prefix; }
    public Long getLeaseMillis() { return config.leaseMillis; }
    public void setLeaseMillis(Long millis) { config.leaseMillis = millis; }
    public Long getDuplicateWindowMillis() { return config.duplicateWindowMillis; }
    public void setDuplicateWindowMillis(Long millis) { config.duplicateWindowMillis = millis; }
    public Long getReconnectTimeoutMillis() { return config.reconnectTimeoutMillis; }
    public void setReconnectTimeoutMillis(Long millis) { config.reconnectTimeoutMillis = millis; }
    public Long getIndexCompactionMinBytes() { return config.indexCompactionMinBytes; }
    public void setIndexCompactionMinBytes(Long bytes) { config.indexCompactionMinBytes = bytes; }
    public Integer getPoolSize() { return config.poolSize; }
    public void setPoolSize(Integer size) { config.poolSize = size; }
    public Long getRedeliveryDelayMillis() { return config.redeliveryDelayMillis; }
    public void setRedeliveryDelayMillis(Long millis) { config.redeliveryDelayMillis = millis; }
    public Integer getPrefetch() { return config.prefetch; }
    public void setPrefetch(Integer prefetch) { config.prefetch = prefetch; }
    public Integer getMaxMessageSize() { return config.maxMessageSize; }
    public void setMaxMessageSize(Integer bytes) { config.maxMessageSize = bytes; }
    public Double getRedeliveryMultiplier() { return config.redeliveryMultiplier; }
    public void setRedeliveryMultiplier(Double m) { config.redeliveryMultiplier = m; }
    public Long getMaxRedeliveryDelayMillis() { return config.maxRedeliveryDelayMillis; }
    public void setMaxRedeliveryDelayMillis(Long millis) { config.maxRedeliveryDelayMillis = millis; }
    public Integer getMaxDeliveryAttempts() { return config.maxDeliveryAttempts; }
    public void setMaxDeliveryAttempts(Integer attempts) { config.maxDeliveryAttempts = attempts; }
    public String getDeadLetterQueue() { return config.deadLetterQueue; }
    public void setDeadLetterQueue(String queue) { config.deadLetterQueue = queue; }
    public Double getRedeliveryJitter() { return config.redeliveryJitter; }
    public void setRedeliveryJitter(Double jitter) { config.redeliveryJitter = jitter; }
    public String getExpiryQueue() { return config.expiryQueue; }
    public void setExpiryQueue(String queue) { config.expiryQueue = queue; }
    public Boolean getDropExpired() { return config.dropExpired; }
    public void setDropExpired(Boolean drop) { config.dropExpired = drop; }
    /** False keeps the journal's MBeans out of the server's MBeanServer (README "JMX"). */
    public Boolean getJmx() { return config.jmx; }
    public void setJmx(Boolean jmx) { config.jmx = jmx; }
    /** Provider settings of ObjectMessage.getObject() (README "Security"). */
    public String getDeserializationAllowList() { return config.deserializationAllowList; }
    public void setDeserializationAllowList(String list) { config.deserializationAllowList = list; }
    public String getDeserializationDenyList() { return config.deserializationDenyList; }
    public void setDeserializationDenyList(String list) { config.deserializationDenyList = list; }
    /** JNDI name of a container DataSource the journal runs on; exactly one of this and url. */
    public String getDataSourceJndiName() { return config.dataSourceJndiName; }
    public void setDataSourceJndiName(String name) { config.dataSourceJndiName = name; }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        try {
            factory = config.toFactory();
        } catch (IllegalArgumentException e) {
            // Fails the deployment of the .rar with the property named (the message says which).
            LOG.error("JMQ7001 JournalMQ resource adapter configuration rejected: {}", e.getMessage());
            throw new ResourceAdapterInternalException("JournalMQ resource adapter configuration: " + e.getMessage(), e);
        }
        registerDrivers();
        if (factory.getDataSource() instanceof JndiDataSource jndi && !jndi.probe()) {
            // Not fatal: the server may bind its JDBC resources after starting the adapter.
            LOG.warn("JMQ7020 the journal's DataSource {} is not bound yet; it is looked up again when the journal"
                    + " is first used", jndi);
        }
        workManager = ctx.getWorkManager();
        LOG.info("JMQ7002 JournalMQ resource adapter started: {}", factory);
    }

    /**
     * Loads the JDBC drivers packed in the .rar with the adapter's class loader, so that they register
     * with DriverManager. Without this, DriverManager only knows the drivers its service lookup saw
     * on the server's class path, and opening the journal fails with "No suitable driver" on threads
     * whose context class loader is not the application's (seen with asadmin ping-connection-pool).
     * The drivers that appear here are remembered: {@link #stop()} deregisters them, since
     * DriverManager would otherwise hold the adapter's class loader after an undeploy (issue 13).
     */
    private void registerDrivers() {
        ClassLoader loader = JournalResourceAdapter.class.getClassLoader();
        for (String name : PACKED_DRIVERS) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                LOG.debug("JDBC driver {} is not packed in this adapter", name);
                continue;
            }
            Set<Driver> before = driversOf(type);
            try {
                Class.forName(name, true, loader); // a driver registers itself when its class initializes
                Set<Driver> after = driversOf(type);
                if (after.isEmpty()) {
                    // Initialized earlier and deregistered since (a previous start of this adapter).
                    Driver d = (Driver) type.getDeclaredConstructor().newInstance();
                    DriverManager.registerDriver(d);
                    after = Set.of(d);
                }
                after.stream().filter(d -> !before.contains(d)).forEach(registeredDrivers::add);
            } catch (ReflectiveOperationException | SQLException | LinkageError e) {
                LOG.warn("JMQ7025 JDBC driver {} could not be registered: {}", name, e.toString());
            }
        }
    }

    /** The registered drivers of exactly this class (this adapter's copy, not another loader's). */
    private static Set<Driver> driversOf(Class<?> type) {
        Set<Driver> found = Collections.newSetFromMap(new IdentityHashMap<>());
        DriverManager.drivers().filter(d -> d.getClass() == type).forEach(found::add);
        return found;
    }

    /**
     * Deregisters the drivers {@link #start} registered and, when the adapter was deployed with a class
     * loader of its own, every driver that loader defined: a server may have initialized a packed driver
     * before start (GlassFish 7.0.21 did so with PostgreSQL's and MariaDB's), and DriverManager then held
     * the adapter's class loader after each undeploy. An adapter on the system class path cannot be
     * unloaded, so there only its own registrations go: other users of those drivers in the JVM keep them.
     */
    private void deregisterDrivers() {
        ClassLoader own = JournalResourceAdapter.class.getClassLoader();
        Set<Driver> drivers = Collections.newSetFromMap(new IdentityHashMap<>());
        drivers.addAll(registeredDrivers);
        if (own != ClassLoader.getSystemClassLoader()) {
            DriverManager.drivers().filter(d -> d.getClass().getClassLoader() == own).forEach(drivers::add);
        }
        for (Driver d : drivers) {
            try {
                DriverManager.deregisterDriver(d);
            } catch (SQLException | SecurityException e) {
                LOG.warn("JMQ7026 JDBC driver {} could not be deregistered: {}", d.getClass().getName(), e.toString());
            }
        }
        registeredDrivers.clear();
    }

    @Override
    public void stop() {
        for (ActivationKey key : activations.keySet()) {
            Activation a = activations.remove(key);
            if (a != null) {
                a.stop();
            }
        }
        synchronized (this) {
            if (recoveryConnection != null) {
                try {
                    recoveryConnection.close();
                } catch (JMSException e) {
                    LOG.warn("JMQ7017 closing the JournalMQ recovery connection failed: {}", e.getMessage());
                }
                recoveryConnection = null;
                recoverySession = null;
            }
        }
        closeOutbound();
        deregisterDrivers();
        LOG.info("JMQ7003 JournalMQ resource adapter stopped");
    }

    /**
     * Opens the physical connection of an outbound managed connection. The adapter keeps track of it:
     * a container should destroy its pooled connections before stopping the adapter, and when it has
     * not, {@link #stop()} closes them, since an open connection keeps its journal (threads, MBeans).
     */
    XAConnection openOutbound(String user, String password) throws JMSException, ResourceException {
        XAConnection c = user == null ? factory().createXAConnection() : factory().createXAConnection(user, password);
        synchronized (outbound) {
            outbound.add(c);
        }
        return c;
    }

    private void closeOutbound() {
        List<XAConnection> open;
        synchronized (outbound) {
            open = new ArrayList<>(outbound);
            outbound.clear();
        }
        for (XAConnection c : open) {
            try {
                c.close(); // a no-op for a connection the container destroyed already (JMS close contract)
            } catch (JMSException e) {
                LOG.warn("JMQ7027 closing a JournalMQ outbound connection at stop failed: {}", e.getMessage());
            }
        }
    }

    /** The provider factory built from this adapter's configuration; null before start. */
    JournalConnectionFactory factory() throws ResourceAdapterInternalException {
        JournalConnectionFactory f = factory;
        if (f == null) {
            throw new ResourceAdapterInternalException("the JournalMQ resource adapter is not started");
        }
        return f;
    }

    // ---------------------------------------------------------------- inbound

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec)
            throws ResourceException {
        if (!(spec instanceof JournalActivationSpec js)) {
            throw new ResourceException("not a JournalMQ activation spec: " + spec);
        }
        js.validate(); // containers call it too, but a failed activation must never start delivery
        Activation a = new Activation(factory(), workManager, endpointFactory, js);
        if (activations.putIfAbsent(new ActivationKey(endpointFactory, spec), a) != null) {
            throw new ResourceException("endpoint already activated with this activation spec: " + spec);
        }
        a.start();
    }

    /** The activation of an endpoint, or null (for tests in this package). */
    Activation activation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        return activations.get(new ActivationKey(endpointFactory, spec));
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        Activation a = activations.remove(new ActivationKey(endpointFactory, spec));
        if (a != null) {
            a.stop();
        }
    }

    /**
     * Recovery (JCA 2.1 sec. 13.4.4): the transaction manager asks, after a restart, for resources
     * whose recover() lists the in-doubt branches. Every activation and every outbound connection of
     * this adapter uses the one journal of its configuration, and JournalMQ's XAResource recovers all
     * prepared branches of that journal, so one resource serves every spec. Its connection stays open
     * until the adapter stops, since the transaction manager may call it at any time.
     */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) throws ResourceException {
        try {
            synchronized (this) {
                if (recoveryConnection == null) {
                    recoveryConnection = factory().createXAConnection();
                    recoverySession = recoveryConnection.createXASession();
                }
                // JMQ7042 shows that the container asked (GlassFish 7.0.21 asks, then drops the resources:
                // README "Crash recovery inside the server"); the wrapper's JMQ7040/7041 show their use.
                LOG.info("JMQ7042 XA recovery resource handed out for {} activation spec(s): {}", specs == null ? 0
                        : specs.length, specs == null ? List.of() : java.util.Arrays.asList(specs));
                return new XAResource[] {new TrackedXAResource(recoverySession.getXAResource(), TrackedXAResource.INBOUND)};
            }
        } catch (JMSException e) {
            // The transaction manager retries recovery later; the journal may be down now.
            LOG.warn("JMQ7016 JournalMQ recovery resource unavailable: {}", e.getMessage());
            throw new ResourceException("JournalMQ recovery: cannot open the journal: " + e.getMessage(), e);
        }
    }

    // The JCA specification asks a ResourceAdapter JavaBean for equals/hashCode; each deployed
    // adapter is its own instance, so identity is the right equality.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
