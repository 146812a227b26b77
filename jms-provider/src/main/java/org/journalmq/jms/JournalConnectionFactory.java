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
 * value: serializable and referenceable, so it can be bound in JNDI.
 */
public class JournalConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
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

    private String url;
    private String user;
    private String password;
    private int poolSize = JournalConfig.DEFAULT_POOL_SIZE;
    private long leaseMillis = JournalConfig.DEFAULT_LEASE_MILLIS;
    private String tablePrefix = JournalConfig.DEFAULT_TABLE_PREFIX;
    private String clientID;
    private int prefetch = 16;
    private long redeliveryDelayMillis;

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
                case TABLE_PREFIX -> setTablePrefix(value);
                case CLIENT_ID -> setClientID(value);
                case PREFETCH -> setPrefetch(Integer.parseInt(value.trim()));
                case REDELIVERY_DELAY_MILLIS -> setRedeliveryDelayMillis(Long.parseLong(value.trim()));
                default -> throw new IllegalArgumentException("unknown JournalMQ connection factory property '"
                        + name + "'; known: " + String.join(", ", settings().keySet()));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property '" + name + "' needs a number", e);
        }
    }

    /** The names {@link #set(String, String)} accepts. */
    public static java.util.Set<String> propertyNames() {
        return java.util.Set.of(URL, USER, PASSWORD, POOL_SIZE, LEASE_MILLIS, TABLE_PREFIX, CLIENT_ID, PREFETCH,
                REDELIVERY_DELAY_MILLIS);
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
    public void setPassword(String password) { this.password = password; }

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

    public String getTablePrefix() { return tablePrefix; }

    public void setTablePrefix(String tablePrefix) {
        journalConfig(url, user, password, poolSize, leaseMillis, tablePrefix); // validates
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

    /** The journal configuration for the given credentials. */
    JournalConfig journalConfig(String userName, String pass) {
        return journalConfig(url, userName, pass, poolSize, leaseMillis, tablePrefix);
    }

    private static JournalConfig journalConfig(String url, String user, String password, int poolSize,
                                               long leaseMillis, String tablePrefix) {
        return JournalConfig.builder(url).user(user).password(password).poolSize(poolSize)
                .leaseMillis(leaseMillis).tablePrefix(tablePrefix).build();
    }

    ProviderSettings providerSettings() {
        return new ProviderSettings(prefetch, redeliveryDelayMillis);
    }

    @Override
    public Connection createConnection() throws JMSException {
        return createQueueConnection(user, password);
    }

    @Override
    public Connection createConnection(String userName, String pass) throws JMSException {
        return createQueueConnection(userName, pass);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return createQueueConnection(user, password);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String pass) throws JMSException {
        return JournalConnection.open(this, journalConfig(userName, pass), clientID);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return createTopicConnection(user, password);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String pass) throws JMSException {
        return JournalConnection.open(this, journalConfig(userName, pass), clientID);
    }

    @Override
    public JMSContext createContext() {
        return createContext(user, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String pass) {
        return createContext(userName, pass, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(user, password, sessionMode);
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

    private Map<String, String> settings() {
        Map<String, String> m = new TreeMap<>();
        m.put(URL, url);
        m.put(USER, user);
        m.put(PASSWORD, password);
        m.put(POOL_SIZE, Integer.toString(poolSize));
        m.put(LEASE_MILLIS, Long.toString(leaseMillis));
        m.put(TABLE_PREFIX, tablePrefix);
        m.put(CLIENT_ID, clientID);
        m.put(PREFETCH, Integer.toString(prefetch));
        m.put(REDELIVERY_DELAY_MILLIS, Long.toString(redeliveryDelayMillis));
        return m;
    }

    @Override
    public Reference getReference() throws NamingException {
        Reference ref = new Reference(JournalConnectionFactory.class.getName(),
                JournalObjectFactory.class.getName(), null);
        settings().forEach((k, v) -> {
            if (v != null) {
                ref.add(new StringRefAddr(k, v));
            }
        });
        return ref;
    }

    /** The password never appears here. */
    @Override
    public String toString() {
        return "JournalConnectionFactory[url=" + url + ", user=" + user + ", clientID=" + clientID + "]";
    }

    /** Settings of the JMS layer that the journal does not know about. */
    record ProviderSettings(int prefetch, long redeliveryDelayMillis) {
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
            connection = (JournalConnection) createConnection(user, password);
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
}
