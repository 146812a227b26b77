package org.journalmq.jms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import java.io.Serializable;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;
import org.journalmq.jms.client.JournalContext;
import org.journalmq.jms.client.JournalRegistry;
import org.journalmq.jms.client.OpenSessions;
import org.journalmq.jms.config.Settings;
import org.journalmq.jms.config.SettingsBinder;
import org.journalmq.jms.message.DeserializationFilter;
import org.journalmq.jms.policy.PolicySettings;
import org.journalmq.jms.transaction.JournalXAConnection;
import org.journalmq.jms.transaction.JournalXAContext;
import org.journalmq.persistence.JournalConfig;

/**
 * The entry point of JournalMQ: a {@link ConnectionFactory} over a JDBC journal.
 *
 * <pre>{@code
 * ConnectionFactory cf = new JournalConnectionFactory();               // ./journalmq-data, HSQLDB
 * ConnectionFactory pg = new JournalConnectionFactory("jdbc:postgresql://db/app");
 * }</pre>
 *
 * Setters tune it before the first connection; every setting is also a JNDI reference address
 * and a property name of {@link #JournalConnectionFactory(Properties)}. The factory is a plain
 * value: serializable and referenceable, so it can be bound in JNDI. The password, the password
 * callback and the DataSource are left out of both forms (issue 15): a restored factory takes its
 * password from {@link #PASSWORD_ENV} or from a callback set again in code.
 *
 * <p>On a URL the journal opens a pool of its own (HikariCP, a dependency of this module); a
 * {@code jdbc:postgresql:} URL also needs the PostgreSQL driver, which the application adds. On a
 * {@link #JournalConnectionFactory(javax.sql.DataSource) DataSource} neither is needed: HikariCP
 * may be excluded, and a URL then fails at the first connection with a JMSException naming it.
 */
public class JournalConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        jakarta.jms.XAConnectionFactory, jakarta.jms.XAQueueConnectionFactory, jakarta.jms.XATopicConnectionFactory,
        Serializable,
        Referenceable {

    private static final long serialVersionUID = 1L;

    /** Property names, shared by {@link #JournalConnectionFactory(Properties)} and JNDI references. */
    public static final String URL = SettingsBinder.URL;
    public static final String USER = SettingsBinder.USER;
    public static final String PASSWORD = SettingsBinder.PASSWORD;
    public static final String POOL_SIZE = SettingsBinder.POOL_SIZE;
    public static final String LEASE_MILLIS = SettingsBinder.LEASE_MILLIS;
    public static final String TABLE_PREFIX = SettingsBinder.TABLE_PREFIX;
    public static final String CLIENT_ID = SettingsBinder.CLIENT_ID;
    public static final String PREFETCH = SettingsBinder.PREFETCH;
    /** Largest encoded message (body and properties) a send accepts, in bytes (default 15 MiB; issue 13). */
    public static final String MAX_MESSAGE_SIZE = SettingsBinder.MAX_MESSAGE_SIZE;
    public static final String REDELIVERY_DELAY_MILLIS = SettingsBinder.REDELIVERY_DELAY_MILLIS;
    /** "false" turns off the MBeans of the journal; default true. */
    public static final String JMX = SettingsBinder.JMX;
    /** How long a duplicate id is remembered per destination, in milliseconds (default one hour). */
    public static final String DUPLICATE_WINDOW_MILLIS = SettingsBinder.DUPLICATE_WINDOW_MILLIS;
    /** How long a send, acknowledge or commit waits for an unreachable database, in ms (default 30000; issue 13). */
    public static final String RECONNECT_TIMEOUT_MILLIS = SettingsBinder.RECONNECT_TIMEOUT_MILLIS;
    /** Property: index size from which the journal rebuilds a drained table's indexes (PostgreSQL; 0 = off). */
    public static final String INDEX_COMPACTION_MIN_BYTES = SettingsBinder.INDEX_COMPACTION_MIN_BYTES;

    // ---------------------------------------------------------------- security (issue 15)
    /**
     * Extra classes and packages ObjectMessage.getObject() may deserialize, and limits; see
     * {@link org.journalmq.jms.message.DeserializationFilter} for the syntax and the defaults.
     */
    public static final String DESERIALIZATION_ALLOW_LIST = DeserializationFilter.ALLOW_SETTING;
    /** Classes and packages ObjectMessage.getObject() refuses even when the allow list has them. */
    public static final String DESERIALIZATION_DENY_LIST = DeserializationFilter.DENY_SETTING;
    /**
     * Name of an environment variable holding the password, read at each connect. Unlike
     * {@link #PASSWORD} it is kept in the factory's JNDI Reference and serialized form.
     */
    public static final String PASSWORD_ENV = SettingsBinder.PASSWORD_ENV;

    /**
     * String message property (1 to 255 characters) set by the application: a second message with the
     * same value sent to the same destination within the duplicate window is not stored, and its
     * send succeeds (issue 16). For a topic it applies per publish.
     */
    public static final String DUPLICATE_ID_PROPERTY = "JMS_JournalMQ_DuplicateID";

    // ---------------------------------------------------------------- redelivery, dead letters, expiry
    /** Growth of the redelivery delay per failed attempt (1 or more; default 1: constant delay). */
    public static final String REDELIVERY_MULTIPLIER = SettingsBinder.REDELIVERY_MULTIPLIER;
    /** Cap of the redelivery delay in milliseconds (default: none). */
    public static final String MAX_REDELIVERY_DELAY_MILLIS = SettingsBinder.MAX_REDELIVERY_DELAY_MILLIS;
    /** Random spread of each redelivery delay, a fraction 0 to 1 (default 0). */
    public static final String REDELIVERY_JITTER = SettingsBinder.REDELIVERY_JITTER;
    /** Delivery attempts before a message moves to its dead-letter queue (default 10). */
    public static final String MAX_DELIVERY_ATTEMPTS = SettingsBinder.MAX_DELIVERY_ATTEMPTS;
    /** The dead-letter queue's name (default per destination: {@code DLQ.<name>}, see {@link DeadLetters}). */
    public static final String DEAD_LETTER_QUEUE = SettingsBinder.DEAD_LETTER_QUEUE;
    /** The queue expired messages move to (default {@value DeadLetters#DEFAULT_EXPIRY_QUEUE}). */
    public static final String EXPIRY_QUEUE = SettingsBinder.EXPIRY_QUEUE;
    /** {@code true} to delete expired messages instead of moving them to the expiry queue (default false). */
    public static final String DROP_EXPIRED = SettingsBinder.DROP_EXPIRED;

    /** Every setting but the DataSource and the password callback, bound and checked by the one binder. */
    private final SettingsBinder settings = new SettingsBinder();
    /** The password callback (see {@link #setPasswordSupplier}); never serialized. */
    private transient Supplier<char[]> passwordSupplier;

    /** The embedded default: an HSQLDB file journal in {@code ./journalmq-data}. */
    public JournalConnectionFactory() {
        this(JournalConfig.DEFAULT_URL);
    }

    /** A journal at the given JDBC URL (HSQLDB or PostgreSQL). */
    public JournalConnectionFactory(String jdbcUrl) {
        setUrl(jdbcUrl);
    }

    /** A factory configured from properties named as the constants of this class. */
    public JournalConnectionFactory(Properties properties) {
        this(properties.getProperty(URL, JournalConfig.DEFAULT_URL));
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            set(name, properties.getProperty(name));
        }
    }

    /**
     * Sets one property by name, for JNDI, property files and the resource adapter.
     *
     * @throws IllegalArgumentException for an unknown name or a malformed value (naming both; see
     *                                  {@link SettingsBinder} for the message, the same at every entry point)
     */
    public void set(String name, String value) {
        settings.set(name, value);
    }

    /** The names {@link #set(String, String)} accepts. */
    public static Set<String> propertyNames() {
        return SettingsBinder.names();
    }

    /**
     * True for a per-destination policy property, {@code queue.<name>.<setting>} or
     * {@code topic.<name>.<setting>}, which {@link #set(String, String)} also accepts.
     */
    public static boolean isDestinationPropertyName(String name) {
        return SettingsBinder.isDestinationKey(name);
    }

    /** The current settings, an immutable snapshot (the password included, masked in its toString). */
    public Settings settings() {
        return settings.settings();
    }

    public String getUrl() { return settings().url(); }
    public void setUrl(String url) { set(URL, url); }
    public String getUser() { return settings().user(); }
    public void setUser(String user) { set(USER, user); }
    /** Not serialized, and not in the JNDI Reference (see {@link #PASSWORD_ENV}). */
    public void setPassword(String password) { set(PASSWORD, password); }

    /**
     * The password is read from this environment variable at each connect (when no password is
     * set in code). Only the variable's name is kept in the JNDI Reference and the serialized form.
     */
    public String getPasswordEnv() { return settings().passwordEnv(); }

    /** @throws IllegalArgumentException when the value cannot be a variable name */
    public void setPasswordEnv(String variable) { set(PASSWORD_ENV, variable); }

    /**
     * The password is asked of this callback at each connect (a vault client, a secrets file): it
     * wins over {@link #setPasswordEnv} and loses to {@link #setPassword}. It is not serialized
     * and not in the JNDI Reference: a factory restored from them needs it set again.
     */
    public void setPasswordSupplier(Supplier<char[]> supplier) { this.passwordSupplier = supplier; }

    /** The password of connections opened without one; see {@link FactoryPassword#resolve}. */
    String effectivePassword() throws JMSException {
        return FactoryPassword.resolve(settings(), passwordSupplier);
    }

    private String effectivePasswordUnchecked() {
        try {
            return effectivePassword();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    /** See {@link #DESERIALIZATION_ALLOW_LIST}; null for the default. */
    public String getDeserializationAllowList() { return settings().deserializationAllowList(); }

    /** @throws IllegalArgumentException naming the setting and the malformed entry */
    public void setDeserializationAllowList(String list) { set(DESERIALIZATION_ALLOW_LIST, list); }

    /** See {@link #DESERIALIZATION_DENY_LIST}; null for none. */
    public String getDeserializationDenyList() { return settings().deserializationDenyList(); }

    /** @throws IllegalArgumentException naming the setting and the malformed entry */
    public void setDeserializationDenyList(String list) { set(DESERIALIZATION_DENY_LIST, list); }

    public int getPoolSize() { return settings().poolSize(); }
    public void setPoolSize(int poolSize) { set(POOL_SIZE, Integer.toString(poolSize)); }
    public long getLeaseMillis() { return settings().leaseMillis(); }
    public void setLeaseMillis(long leaseMillis) { set(LEASE_MILLIS, Long.toString(leaseMillis)); }
    public long getDuplicateWindowMillis() { return settings().duplicateWindowMillis(); }

    /**
     * How long the journal remembers a {@link #DUPLICATE_ID_PROPERTY} value per destination. Factories
     * that differ in it open journals of their own (it is part of the journal's configuration).
     */
    public void setDuplicateWindowMillis(long millis) { set(DUPLICATE_WINDOW_MILLIS, Long.toString(millis)); }

    public long getReconnectTimeoutMillis() { return settings().reconnectTimeoutMillis(); }

    /**
     * How long a send, acknowledge or commit waits for a database that cannot be reached (restart,
     * failover), reconnecting, before it throws a JMSException with error code JMQ-DB-UNAVAILABLE
     * (README "When the database restarts"). 0: fail at the first failed attempt.
     */
    public void setReconnectTimeoutMillis(long millis) { set(RECONNECT_TIMEOUT_MILLIS, Long.toString(millis)); }

    /**
     * On PostgreSQL, the index size (bytes, per table) from which the journal rebuilds a table's
     * indexes with {@code REINDEX TABLE CONCURRENTLY} once a backlog has drained and they are more
     * than 4 times what the remaining rows need; on HSQLDB, the {@code .data} file size from which it
     * runs {@code CHECKPOINT DEFRAG} once at most half of this is live. 64 MiB by default, 0 turns
     * it off (README, "Index compaction (PostgreSQL) and data file compaction (HSQLDB)"). No effect
     * on MariaDB.
     */
    public long getIndexCompactionMinBytes() { return settings().indexCompactionMinBytes(); }
    public void setIndexCompactionMinBytes(long bytes) { set(INDEX_COMPACTION_MIN_BYTES, Long.toString(bytes)); }

    public String getTablePrefix() { return settings().tablePrefix(); }
    public void setTablePrefix(String tablePrefix) { set(TABLE_PREFIX, tablePrefix); }

    /** Client ID given to every connection of this factory (null: none; the application may set one). */
    public String getClientID() { return settings().clientID(); }
    public void setClientID(String clientID) { set(CLIENT_ID, clientID); }

    /** How many messages a listener's consumer claims at once (synchronous receive claims one). */
    public int getPrefetch() { return settings().prefetch(); }
    public void setPrefetch(int prefetch) { set(PREFETCH, Integer.toString(prefetch)); }

    public int getMaxMessageSize() { return settings().maxMessageSize(); }

    /**
     * The largest message a send accepts, in bytes of its encoded form (body and properties;
     * default 15 MiB, at least 1024): a larger one gets a JMSException with error code
     * JMQ-MESSAGE-TOO-LARGE and nothing is written.
     */
    public void setMaxMessageSize(int bytes) { set(MAX_MESSAGE_SIZE, Integer.toString(bytes)); }

    /** Delay before a rolled back or recovered message is delivered again. */
    public long getRedeliveryDelayMillis() { return settings().redeliveryDelayMillis(); }
    public void setRedeliveryDelayMillis(long millis) { set(REDELIVERY_DELAY_MILLIS, Long.toString(millis)); }

    // ---------------------------------------------------------------- redelivery, dead letters, expiry

    /** Growth of the redelivery delay per failed delivery attempt: 1 (constant) or more. */
    public void setRedeliveryMultiplier(double multiplier) { set(REDELIVERY_MULTIPLIER, Double.toString(multiplier)); }

    /** Cap of the redelivery delay, in milliseconds (0 or more). */
    public void setMaxRedeliveryDelayMillis(long millis) { set(MAX_REDELIVERY_DELAY_MILLIS, Long.toString(millis)); }

    /** Random spread of each redelivery delay, as a fraction (0 to 1) of the delay, in either direction. */
    public void setRedeliveryJitter(double jitter) { set(REDELIVERY_JITTER, Double.toString(jitter)); }

    /** Delivery attempts (1 or more) before a message moves to its dead-letter queue. */
    public void setMaxDeliveryAttempts(int attempts) { set(MAX_DELIVERY_ATTEMPTS, Integer.toString(attempts)); }

    /** One dead-letter queue for every destination, instead of {@code DLQ.<name>} per destination. */
    public void setDeadLetterQueue(String queue) { set(DEAD_LETTER_QUEUE, queue); }

    /** The queue expired messages move to (default {@value DeadLetters#DEFAULT_EXPIRY_QUEUE}). */
    public void setExpiryQueue(String queue) { set(EXPIRY_QUEUE, queue); }

    /** Whether expired messages are deleted rather than moved to the expiry queue. */
    public void setDropExpired(boolean drop) { set(DROP_EXPIRED, Boolean.toString(drop)); }

    /**
     * Sets a redelivery, dead-letter or expiry setting for one queue, overriding the factory's
     * default: the same as {@code set("queue." + queue + "." + setting, value)}.
     *
     * @param setting one of {@link #REDELIVERY_DELAY_MILLIS}, {@link #REDELIVERY_MULTIPLIER},
     *                {@link #MAX_REDELIVERY_DELAY_MILLIS}, {@link #REDELIVERY_JITTER},
     *                {@link #MAX_DELIVERY_ATTEMPTS}, {@link #DEAD_LETTER_QUEUE}, {@link #EXPIRY_QUEUE},
     *                {@link #DROP_EXPIRED}
     */
    public void setQueuePolicy(String queue, String setting, String value) {
        set("queue." + queue + "." + setting, value);
    }

    /** As {@link #setQueuePolicy} for every subscription of a topic. */
    public void setTopicPolicy(String topic, String setting, String value) {
        set("topic." + topic + "." + setting, value);
    }

    // ------------------------------------------------------------------ operations

    /**
     * Whether connections of this factory register the journal's MBeans in the platform
     * MBeanServer (see README, "JMX"); true by default.
     */
    public boolean isJmxEnabled() { return settings().jmx(); }
    public void setJmxEnabled(boolean enabled) { set(JMX, Boolean.toString(enabled)); }

    /**
     * Administration of this factory's journal for operators (figures, purge, move, dead-letter
     * replay), sharing the journal with this JVM's connections to it. Close it when done.
     *
     * @throws JMSException when the journal cannot be opened (the URL is named, never the password)
     */
    public org.journalmq.jms.admin.JournalAdmin createAdmin() throws JMSException {
        Settings s = settings();
        JournalConfig config = journalConfig(s, s.user(), effectivePassword());
        org.journalmq.persistence.Journal journal = JournalConnection.acquireJournal(config, s.jmx());
        return new org.journalmq.jms.admin.JournalAdmin(journal, () -> JournalRegistry.references(journal),
                () -> OpenSessions.count(journal), () -> JournalRegistry.release(journal));
    }

    /** The journal configuration of these settings for the given credentials. */
    private JournalConfig journalConfig(Settings s, String userName, String pass) {
        JournalConfig.Builder b = dataSource != null ? JournalConfig.builder(dataSource)
                : JournalConfig.builder(s.url()).poolSize(s.poolSize());
        return b.user(userName).password(pass).leaseMillis(s.leaseMillis()).tablePrefix(s.tablePrefix())
                .duplicateWindowMillis(s.duplicateWindowMillis()).reconnectTimeoutMillis(s.reconnectTimeoutMillis())
                .indexCompactionMinBytes(s.indexCompactionMinBytes())
                .build();
    }

    ProviderSettings providerSettings() {
        return providerSettings(settings());
    }

    private static ProviderSettings providerSettings(Settings s) {
        DeserializationFilter filter = s.deserializationAllowList() == null && s.deserializationDenyList() == null
                ? DeserializationFilter.DEFAULT
                : new DeserializationFilter(s.deserializationAllowList(), s.deserializationDenyList());
        return new ProviderSettings(s.prefetch(), s.redeliveryDelayMillis(), PolicySettings.resolve(s), filter,
                s.maxMessageSize());
    }

    /**
     * Every connection of this factory, plain or XA, opens here: one snapshot of the settings, one
     * journal-opening flow ({@link JournalConnection#open}), so both register the journal's MBeans.
     */
    private <C extends JournalConnection> C open(String userName, String pass,
            BiFunction<org.journalmq.persistence.Journal, ProviderSettings, C> make) throws JMSException {
        Settings s = settings();
        ProviderSettings provider = providerSettings(s);
        return JournalConnection.open(journalConfig(s, userName, pass), s.jmx(), s.clientID(),
                journal -> make.apply(journal, provider));
    }

    @Override
    public Connection createConnection() throws JMSException {
        return createConnection(getUser(), effectivePassword());
    }

    @Override
    public Connection createConnection(String userName, String pass) throws JMSException {
        return open(userName, pass, JournalConnection::new);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return createQueueConnection(getUser(), effectivePassword());
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String pass) throws JMSException {
        return open(userName, pass, JournalConnection::new).pointToPointOnly();
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return createTopicConnection(getUser(), effectivePassword());
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String pass) throws JMSException {
        return open(userName, pass, JournalConnection::new);
    }

    @Override
    public JMSContext createContext() {
        return createContext(getUser(), effectivePasswordUnchecked(), JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String pass) {
        return createContext(userName, pass, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(getUser(), effectivePasswordUnchecked(), sessionMode);
    }

    @Override
    public JMSContext createContext(String userName, String pass, int sessionMode) {
        JournalContext.checkSessionMode(sessionMode);
        try {
            return JournalContext.create((JournalConnection) createConnection(userName, pass), sessionMode);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    // ---------------------------------------------------------------- XA

    @Override
    public jakarta.jms.XAConnection createXAConnection() throws JMSException {
        return createXAConnection(getUser(), effectivePassword());
    }

    @Override
    public jakarta.jms.XAConnection createXAConnection(String userName, String pass) throws JMSException {
        return openXA(userName, pass);
    }

    @Override
    public jakarta.jms.XAQueueConnection createXAQueueConnection() throws JMSException {
        return openXA(getUser(), effectivePassword());
    }

    @Override
    public jakarta.jms.XAQueueConnection createXAQueueConnection(String userName, String pass) throws JMSException {
        return openXA(userName, pass);
    }

    @Override
    public jakarta.jms.XATopicConnection createXATopicConnection() throws JMSException {
        return openXA(getUser(), effectivePassword());
    }

    @Override
    public jakarta.jms.XATopicConnection createXATopicConnection(String userName, String pass) throws JMSException {
        return openXA(userName, pass);
    }

    @Override
    public jakarta.jms.XAJMSContext createXAContext() {
        return createXAContext(getUser(), effectivePasswordUnchecked());
    }

    @Override
    public jakarta.jms.XAJMSContext createXAContext(String userName, String pass) {
        try {
            return new JournalXAContext(openXA(userName, pass));
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    private JournalXAConnection openXA(String userName, String pass) throws JMSException {
        return open(userName, pass, JournalXAConnection::new);
    }

    @Override
    public Reference getReference() throws NamingException {
        if (dataSource != null) {
            throw new NamingException("a JournalConnectionFactory on a DataSource cannot be bound by reference (a"
                    + " DataSource is not a string property); bind the object itself or configure a url");
        }
        Reference ref = new Reference(JournalConnectionFactory.class.getName(),
                JournalObjectFactory.class.getName(), null);
        // no password: a Reference is stored in a naming service, in clear (issue 15)
        settings().publicValues().forEach((k, v) -> ref.add(new StringRefAddr(k, v)));
        return ref;
    }

    /** The password never appears here. */
    @Override
    public String toString() {
        Settings s = settings();
        return "JournalConnectionFactory[" + (dataSource != null ? "dataSource=" + dataSource : "url=" + s.url())
                + ", user=" + s.user() + ", clientID=" + s.clientID() + "]";
    }

    /**
     * Settings of the JMS layer that the journal does not know about.
     * <p>Internal: for org.journalmq.jms.transaction.
     */
    public record ProviderSettings(int prefetch, long redeliveryDelayMillis, PolicySettings.Policies policies,
                            DeserializationFilter deserialization, int maxMessageSize) {
    }

    // ---------------------------------------------------------------- local transactions (issue 6 item 4)

    /**
     * A transacted JMSContext whose sends and acknowledgements commit and roll back with the
     * application's own JDBC transaction on {@code jdbc}: {@code commit()} and {@code rollback()}
     * of the context commit or roll back the connection (see {@link JournalLocalSession}). The
     * connection must reach the journal's database, be open and have auto-commit off; the
     * application keeps owning it.
     *
     * @throws jakarta.jms.JMSRuntimeException (error code JMQ-INVALID) naming what is wrong with the connection
     */
    public JMSContext createContext(java.sql.Connection jdbc) {
        JournalConnection connection;
        try {
            connection = (JournalConnection) createConnection(getUser(), effectivePassword());
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
        try {
            return JournalContext.createLocal(connection, jdbc);
        } catch (JMSException e) {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // the first failure is the one to report
            }
            throw JmsExceptions.toRuntime(e);
        }
    }

    // ---------------------------------------------------------------- caller-supplied DataSource

    /** Set: the journal runs on it instead of a pool of its own on {@link #getUrl()}. */
    private transient javax.sql.DataSource dataSource;

    /**
     * A journal on a DataSource the application or its container owns (issue 7): the journal borrows
     * its connections from it, so {@link #setPoolSize(int) poolSize} and {@link #setUrl(String) url}
     * do not apply and the DataSource is never closed by JournalMQ. The dialect is chosen from the
     * database its connections reach. Connections of this factory given a user and password ask the
     * DataSource for connections of that user. Journals are shared inside the JVM per DataSource
     * instance, table prefix and user. This mode loads no pool library: it runs without HikariCP.
     */
    public JournalConnectionFactory(javax.sql.DataSource dataSource) {
        this();
        setDataSource(dataSource);
    }

    /** The DataSource the journal runs on, or null when it opens its own pool on the URL. */
    public javax.sql.DataSource getDataSource() { return dataSource; }

    /** See {@link #JournalConnectionFactory(javax.sql.DataSource)}; null goes back to the URL. */
    public void setDataSource(javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
    }
}
