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
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.naming.NamingException;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;
import org.journalmq.jms.message.DeserializationFilter;
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
    public static final String URL = "url";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String POOL_SIZE = "poolSize";
    public static final String LEASE_MILLIS = "leaseMillis";
    public static final String TABLE_PREFIX = "tablePrefix";
    public static final String CLIENT_ID = "clientID";
    public static final String PREFETCH = "prefetch";
    public static final String REDELIVERY_DELAY_MILLIS = "redeliveryDelayMillis";
    /** "false" turns off the MBeans of the journal; default true. */
    public static final String JMX = "jmx";
    /** How long a duplicate id is remembered per destination, in milliseconds (default one hour). */
    public static final String DUPLICATE_WINDOW_MILLIS = "duplicateWindowMillis";

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
    public static final String PASSWORD_ENV = "passwordEnv";

    /**
     * String message property (1 to 255 characters) set by the application: a second message with the
     * same value sent to the same destination within the duplicate window is not stored, and its
     * send succeeds (issue 16). For a topic it applies per publish.
     */
    public static final String DUPLICATE_ID_PROPERTY = "JMS_JournalMQ_DuplicateID";

    // ---------------------------------------------------------------- redelivery, dead letters, expiry
    /** Growth of the redelivery delay per failed attempt (1 or more; default 1: constant delay). */
    public static final String REDELIVERY_MULTIPLIER = "redeliveryMultiplier";
    /** Cap of the redelivery delay in milliseconds (default: none). */
    public static final String MAX_REDELIVERY_DELAY_MILLIS = "maxRedeliveryDelayMillis";
    /** Random spread of each redelivery delay, a fraction 0 to 1 (default 0). */
    public static final String REDELIVERY_JITTER = "redeliveryJitter";
    /** Delivery attempts before a message moves to its dead-letter queue (default 10). */
    public static final String MAX_DELIVERY_ATTEMPTS = "maxDeliveryAttempts";
    /** The dead-letter queue's name (default per destination: {@code DLQ.<name>}, see {@link DeadLetters}). */
    public static final String DEAD_LETTER_QUEUE = "deadLetterQueue";
    /** The queue expired messages move to (default {@value DeadLetters#DEFAULT_EXPIRY_QUEUE}). */
    public static final String EXPIRY_QUEUE = "expiryQueue";
    /** {@code true} to delete expired messages instead of moving them to the expiry queue (default false). */
    public static final String DROP_EXPIRED = "dropExpired";

    private String url;
    private String user;
    /** The password, its callback and its environment variable; only the variable's name is serialized. */
    private final FactoryPassword password = new FactoryPassword();
    private String deserializationAllowList;
    private String deserializationDenyList;
    private transient DeserializationFilter deserializationFilter = DeserializationFilter.DEFAULT;
    private int poolSize = JournalConfig.DEFAULT_POOL_SIZE;
    private long leaseMillis = JournalConfig.DEFAULT_LEASE_MILLIS;
    private long duplicateWindowMillis = JournalConfig.DEFAULT_DUPLICATE_WINDOW_MILLIS;
    private String tablePrefix = JournalConfig.DEFAULT_TABLE_PREFIX;
    private String clientID;
    private int prefetch = 16;
    private long redeliveryDelayMillis;
    /** Redelivery, dead-letter and expiry settings other than the initial delay above. */
    private final PolicySettings policies = new PolicySettings();
    private boolean jmxEnabled = true;

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
        for (String name : properties.stringPropertyNames()) {
            set(name, properties.getProperty(name));
        }
    }

    /**
     * Sets one property by name, for JNDI and property files.
     *
     * @throws IllegalArgumentException for an unknown name or a malformed value (naming both)
     */
    public void set(String name, String value) {
        try {
            switch (name) {
                case URL -> setUrl(value);
                case USER -> setUser(value);
                case PASSWORD -> setPassword(value);
                case POOL_SIZE -> setPoolSize(Integer.parseInt(value.trim()));
                case LEASE_MILLIS -> setLeaseMillis(Long.parseLong(value.trim()));
                case DUPLICATE_WINDOW_MILLIS -> setDuplicateWindowMillis(Long.parseLong(value.trim()));
                case TABLE_PREFIX -> setTablePrefix(value);
                case CLIENT_ID -> setClientID(value);
                case PREFETCH -> setPrefetch(Integer.parseInt(value.trim()));
                case REDELIVERY_DELAY_MILLIS -> setRedeliveryDelayMillis(Long.parseLong(value.trim()));
                case JMX -> setJmxEnabled(parseBoolean(name, value));
                case PASSWORD_ENV -> setPasswordEnv(value);
                case DESERIALIZATION_ALLOW_LIST -> setDeserializationAllowList(value);
                case DESERIALIZATION_DENY_LIST -> setDeserializationDenyList(value);
                default -> {
                    if (!PolicySettings.accepts(name)) {
                        throw new IllegalArgumentException("unknown JournalMQ connection factory property '"
                                + name + "'; known: " + String.join(", ", propertyNames()
                                .stream().sorted().toList()) + ", and queue.<name>.<setting> or"
                                + " topic.<name>.<setting> for the redelivery and expiry settings");
                    }
                    policies.set(name, value);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property '" + name + "' needs a number", e);
        }
    }

    /** The names {@link #set(String, String)} accepts. */
    public static java.util.Set<String> propertyNames() {
        return java.util.Set.of(URL, USER, PASSWORD, POOL_SIZE, LEASE_MILLIS, DUPLICATE_WINDOW_MILLIS, TABLE_PREFIX,
                CLIENT_ID, PREFETCH,
                REDELIVERY_DELAY_MILLIS, REDELIVERY_MULTIPLIER, MAX_REDELIVERY_DELAY_MILLIS, REDELIVERY_JITTER,
                MAX_DELIVERY_ATTEMPTS, DEAD_LETTER_QUEUE, EXPIRY_QUEUE, DROP_EXPIRED, JMX,
                PASSWORD_ENV, DESERIALIZATION_ALLOW_LIST, DESERIALIZATION_DENY_LIST);
    }

    /**
     * True for a per-destination policy property, {@code queue.<name>.<setting>} or
     * {@code topic.<name>.<setting>}, which {@link #set(String, String)} also accepts.
     */
    public static boolean isDestinationPropertyName(String name) {
        return PolicySettings.accepts(name) && !PolicySettings.SETTINGS.contains(name);
    }

    public String getUrl() { return url; }

    public void setUrl(String url) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("url must be a JDBC URL starting with jdbc:, was " + url);
        }
        this.url = url;
    }

    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    /** Not serialized, and not in the JNDI Reference (see {@link #PASSWORD_ENV}). */
    public void setPassword(String password) { this.password.set(password); }

    /**
     * The password is read from this environment variable at each connect (when no password is
     * set in code). Only the variable's name is kept in the JNDI Reference and the serialized form.
     */
    public String getPasswordEnv() { return password.environmentVariable(); }

    /** @throws IllegalArgumentException when the value cannot be a variable name */
    public void setPasswordEnv(String variable) { password.setEnvironmentVariable(variable); }

    /**
     * The password is asked of this callback at each connect (a vault client, a secrets file): it
     * wins over {@link #setPasswordEnv} and loses to {@link #setPassword}. It is not serialized
     * and not in the JNDI Reference: a factory restored from them needs it set again.
     */
    public void setPasswordSupplier(java.util.function.Supplier<char[]> supplier) { password.setSupplier(supplier); }

    /** The password of connections opened without one; see {@link FactoryPassword#resolve()}. */
    String effectivePassword() throws JMSException {
        return password.resolve();
    }

    private String effectivePasswordUnchecked() {
        try {
            return effectivePassword();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    /** See {@link #DESERIALIZATION_ALLOW_LIST}; null for the default. */
    public String getDeserializationAllowList() { return deserializationAllowList; }

    /** @throws IllegalArgumentException naming the setting and the malformed entry */
    public void setDeserializationAllowList(String list) {
        deserializationFilter = new DeserializationFilter(list, deserializationDenyList);
        deserializationAllowList = list;
    }

    /** See {@link #DESERIALIZATION_DENY_LIST}; null for none. */
    public String getDeserializationDenyList() { return deserializationDenyList; }

    /** @throws IllegalArgumentException naming the setting and the malformed entry */
    public void setDeserializationDenyList(String list) {
        deserializationFilter = new DeserializationFilter(deserializationAllowList, list);
        deserializationDenyList = list;
    }

    public int getPoolSize() { return poolSize; }

    public void setPoolSize(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        this.poolSize = poolSize;
    }

    public long getLeaseMillis() { return leaseMillis; }

    public void setLeaseMillis(long leaseMillis) {
        if (leaseMillis < 100) {
            throw new IllegalArgumentException("leaseMillis must be at least 100, was " + leaseMillis);
        }
        this.leaseMillis = leaseMillis;
    }

    public long getDuplicateWindowMillis() { return duplicateWindowMillis; }

    /**
     * How long the journal remembers a {@link #DUPLICATE_ID_PROPERTY} value per destination. Factories
     * that differ in it open journals of their own (it is part of the journal's configuration).
     */
    public void setDuplicateWindowMillis(long millis) {
        if (millis < 1) {
            throw new IllegalArgumentException("duplicateWindowMillis must be at least 1, was " + millis);
        }
        this.duplicateWindowMillis = millis;
    }

    public String getTablePrefix() { return tablePrefix; }

    public void setTablePrefix(String tablePrefix) {
        journalConfig(url, user, null, poolSize, leaseMillis, tablePrefix); // validates
        this.tablePrefix = tablePrefix;
    }

    /** Client ID given to every connection of this factory (null: none; the application may set one). */
    public String getClientID() { return clientID; }
    public void setClientID(String clientID) { this.clientID = clientID; }

    /** How many messages a listener's consumer claims at once (synchronous receive claims one). */
    public int getPrefetch() { return prefetch; }

    public void setPrefetch(int prefetch) {
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, was " + prefetch);
        }
        this.prefetch = prefetch;
    }

    /** Delay before a rolled back or recovered message is delivered again. */
    public long getRedeliveryDelayMillis() { return redeliveryDelayMillis; }

    public void setRedeliveryDelayMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("redeliveryDelayMillis must not be negative, was " + millis);
        }
        this.redeliveryDelayMillis = millis;
    }

    // ---------------------------------------------------------------- redelivery, dead letters, expiry

    /** Growth of the redelivery delay per failed delivery attempt: 1 (constant) or more. */
    public void setRedeliveryMultiplier(double multiplier) {
        policies.set(REDELIVERY_MULTIPLIER, Double.toString(multiplier));
    }

    /** Cap of the redelivery delay, in milliseconds (0 or more). */
    public void setMaxRedeliveryDelayMillis(long millis) {
        policies.set(MAX_REDELIVERY_DELAY_MILLIS, Long.toString(millis));
    }

    /** Random spread of each redelivery delay, as a fraction (0 to 1) of the delay, in either direction. */
    public void setRedeliveryJitter(double jitter) {
        policies.set(REDELIVERY_JITTER, Double.toString(jitter));
    }

    /** Delivery attempts (1 or more) before a message moves to its dead-letter queue. */
    public void setMaxDeliveryAttempts(int attempts) {
        policies.set(MAX_DELIVERY_ATTEMPTS, Integer.toString(attempts));
    }

    /** One dead-letter queue for every destination, instead of {@code DLQ.<name>} per destination. */
    public void setDeadLetterQueue(String queue) {
        policies.set(DEAD_LETTER_QUEUE, queue);
    }

    /** The queue expired messages move to (default {@value DeadLetters#DEFAULT_EXPIRY_QUEUE}). */
    public void setExpiryQueue(String queue) {
        policies.set(EXPIRY_QUEUE, queue);
    }

    /** Whether expired messages are deleted rather than moved to the expiry queue. */
    public void setDropExpired(boolean drop) {
        policies.set(DROP_EXPIRED, Boolean.toString(drop));
    }

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
        policies.set("queue." + queue + "." + setting, value);
    }

    /** As {@link #setQueuePolicy} for every subscription of a topic. */
    public void setTopicPolicy(String topic, String setting, String value) {
        policies.set("topic." + topic + "." + setting, value);
    }

    // ------------------------------------------------------------------ operations

    /**
     * Whether connections of this factory register the journal's MBeans in the platform
     * MBeanServer (see README, "JMX"); true by default.
     */
    public boolean isJmxEnabled() { return jmxEnabled; }
    public void setJmxEnabled(boolean enabled) { this.jmxEnabled = enabled; }

    private static boolean parseBoolean(String name, String value) {
        String v = value == null ? "" : value.trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("property '" + name + "' must be true or false, was '" + value + "'");
    }

    /**
     * Administration of this factory's journal for operators (figures, purge, move, dead-letter
     * replay), sharing the journal with this JVM's connections to it. Close it when done.
     *
     * @throws JMSException when the journal cannot be opened (the URL is named, never the password)
     */
    public org.journalmq.jms.admin.JournalAdmin createAdmin() throws JMSException {
        JournalConfig config = journalConfig(user, effectivePassword());
        org.journalmq.persistence.Journal journal;
        try {
            journal = JournalRegistry.acquire(config, jmxEnabled);
        } catch (org.journalmq.persistence.JournalException e) {
            throw JmsExceptions.translate(e, "connect to "
                    + org.journalmq.persistence.jdbc.SqlErrors.safeUrl(config.location()));
        }
        return new org.journalmq.jms.admin.JournalAdmin(journal, () -> JournalRegistry.references(journal),
                () -> OpenSessions.count(journal), () -> JournalRegistry.release(journal));
    }

    /** The journal configuration for the given credentials. */
    JournalConfig journalConfig(String userName, String pass) {
        if (dataSource != null) {
            return JournalConfig.builder(dataSource).user(userName).password(pass).leaseMillis(leaseMillis)
                    .tablePrefix(tablePrefix).duplicateWindowMillis(duplicateWindowMillis).build();
        }
        return journalConfig(url, userName, pass, poolSize, leaseMillis, tablePrefix).toBuilder()
                .duplicateWindowMillis(duplicateWindowMillis).build();
    }

    private static JournalConfig journalConfig(String url, String user, String password, int poolSize,
                                               long leaseMillis, String tablePrefix) {
        return JournalConfig.builder(url).user(user).password(password).poolSize(poolSize)
                .leaseMillis(leaseMillis).tablePrefix(tablePrefix).build();
    }

    ProviderSettings providerSettings() {
        return new ProviderSettings(prefetch, redeliveryDelayMillis, policies.resolve(redeliveryDelayMillis),
                deserializationFilter);
    }

    @Override
    public Connection createConnection() throws JMSException {
        return createConnection(user, effectivePassword());
    }

    @Override
    public Connection createConnection(String userName, String pass) throws JMSException {
        return JournalConnection.open(this, journalConfig(userName, pass), clientID);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return createQueueConnection(user, effectivePassword());
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String pass) throws JMSException {
        return JournalConnection.open(this, journalConfig(userName, pass), clientID).pointToPointOnly();
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return createTopicConnection(user, effectivePassword());
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String pass) throws JMSException {
        return JournalConnection.open(this, journalConfig(userName, pass), clientID);
    }

    @Override
    public JMSContext createContext() {
        return createContext(user, effectivePasswordUnchecked(), JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String pass) {
        return createContext(userName, pass, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(user, effectivePasswordUnchecked(), sessionMode);
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
        return createXAConnection(user, effectivePassword());
    }

    @Override
    public jakarta.jms.XAConnection createXAConnection(String userName, String pass) throws JMSException {
        return openXA(userName, pass);
    }

    @Override
    public jakarta.jms.XAQueueConnection createXAQueueConnection() throws JMSException {
        return openXA(user, effectivePassword());
    }

    @Override
    public jakarta.jms.XAQueueConnection createXAQueueConnection(String userName, String pass) throws JMSException {
        return openXA(userName, pass);
    }

    @Override
    public jakarta.jms.XATopicConnection createXATopicConnection() throws JMSException {
        return openXA(user, effectivePassword());
    }

    @Override
    public jakarta.jms.XATopicConnection createXATopicConnection(String userName, String pass) throws JMSException {
        return openXA(userName, pass);
    }

    @Override
    public jakarta.jms.XAJMSContext createXAContext() {
        return createXAContext(user, effectivePasswordUnchecked());
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
        ProviderSettings settings = providerSettings();
        return JournalConnection.open(journalConfig(userName, pass), clientID,
                journal -> new JournalXAConnection(journal, settings));
    }

    private Map<String, String> settings() {
        Map<String, String> m = new TreeMap<>();
        m.put(URL, url);
        m.put(USER, user);
        // no PASSWORD: a Reference is stored in a naming service, in clear (issue 15)
        m.put(PASSWORD_ENV, password.environmentVariable());
        m.put(DESERIALIZATION_ALLOW_LIST, deserializationAllowList);
        m.put(DESERIALIZATION_DENY_LIST, deserializationDenyList);
        m.put(POOL_SIZE, Integer.toString(poolSize));
        m.put(LEASE_MILLIS, Long.toString(leaseMillis));
        m.put(DUPLICATE_WINDOW_MILLIS, Long.toString(duplicateWindowMillis));
        m.put(TABLE_PREFIX, tablePrefix);
        m.put(CLIENT_ID, clientID);
        m.put(PREFETCH, Integer.toString(prefetch));
        m.put(REDELIVERY_DELAY_MILLIS, Long.toString(redeliveryDelayMillis));
        m.putAll(policies.values());
        m.put(JMX, Boolean.toString(jmxEnabled));
        return m;
    }

    @Override
    public Reference getReference() throws NamingException {
        if (dataSource != null) {
            throw new NamingException("a JournalConnectionFactory on a DataSource cannot be bound by reference (a"
                    + " DataSource is not a string property); bind the object itself or configure a url");
        }
        Reference ref = new Reference(JournalConnectionFactory.class.getName(),
                JournalObjectFactory.class.getName(), null);
        settings().forEach((k, v) -> {
            if (v != null) {
                ref.add(new StringRefAddr(k, v));
            }
        });
        return ref;
    }

    /** Rebuilds the filter, which is derived from the two lists and not serialized itself. */
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            deserializationFilter = new DeserializationFilter(deserializationAllowList, deserializationDenyList);
        } catch (IllegalArgumentException e) {
            throw (java.io.InvalidObjectException) new java.io.InvalidObjectException(e.getMessage()).initCause(e);
        }
    }

    /** The password never appears here. */
    @Override
    public String toString() {
        return "JournalConnectionFactory[" + (dataSource != null ? "dataSource=" + dataSource : "url=" + url) + ", user=" + user + ", clientID=" + clientID + "]";
    }

    /** Settings of the JMS layer that the journal does not know about. */
    record ProviderSettings(int prefetch, long redeliveryDelayMillis, PolicySettings.Policies policies,
                            DeserializationFilter deserialization) {
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
            connection = (JournalConnection) createConnection(user, effectivePassword());
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
