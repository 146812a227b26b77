package org.journalmq.ra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.journalmq.jms.JournalConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's typed settings. Unset values keep the provider's defaults; each is handed to the
 * provider factory by its property name, so its validation (and message naming the property) is the
 * provider's.
 */
final class RaConfig {
    private static final Logger LOG = LoggerFactory.getLogger(RaConfig.class);

    String url;
    String user;
    String password;
    /** Name of an environment variable holding the password, read at each connect (issue 15). */
    String passwordEnv;
    String tablePrefix;
    Long leaseMillis;
    Long duplicateWindowMillis;
    Long reconnectTimeoutMillis;
    Long indexCompactionMinBytes;
    Integer poolSize;
    Long redeliveryDelayMillis;
    Integer prefetch;
    Integer maxMessageSize;
    // Redelivery policy and dead-letter queue of the provider's redelivery policy (names as the
    // provider factory's properties; see README "Redelivery policy").
    Double redeliveryMultiplier;
    Long maxRedeliveryDelayMillis;
    Integer maxDeliveryAttempts;
    String deadLetterQueue;
    Double redeliveryJitter;
    String expiryQueue;
    Boolean dropExpired;
    /** Whether the journal's MBeans are registered (the provider's jmx setting; default true). */
    Boolean jmx;
    /** What ObjectMessage.getObject() may deserialize (provider settings; README "Security"). */
    String deserializationAllowList;
    String deserializationDenyList;
    /** JNDI name of a container DataSource for the journal, instead of url. */
    String dataSourceJndiName;

    /**
     * The provider factory of this configuration. The adapter validates nothing of the provider's
     * settings itself: it hands them, by their names, to the provider's settings binder, so a bad
     * value fails with the same message as on the factory, in JNDI or in a properties file.
     *
     * @throws IllegalArgumentException naming the property when one is missing or malformed
     */
    JournalConnectionFactory toFactory() {
        JournalConnectionFactory f = journalLocation();
        providerProperties().forEach(f::set);
        return f;
    }

    /** The provider settings that were configured, by the provider's names (the adapter's own are left out). */
    Map<String, String> providerProperties() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put(JournalConnectionFactory.USER, user);
        given.put(JournalConnectionFactory.PASSWORD, password);
        given.put(JournalConnectionFactory.PASSWORD_ENV, passwordEnv);
        given.put(JournalConnectionFactory.TABLE_PREFIX, tablePrefix);
        given.put(JournalConnectionFactory.LEASE_MILLIS, leaseMillis);
        given.put(JournalConnectionFactory.DUPLICATE_WINDOW_MILLIS, duplicateWindowMillis);
        given.put(JournalConnectionFactory.RECONNECT_TIMEOUT_MILLIS, reconnectTimeoutMillis);
        given.put(JournalConnectionFactory.INDEX_COMPACTION_MIN_BYTES, indexCompactionMinBytes);
        given.put(JournalConnectionFactory.POOL_SIZE, poolSize);
        given.put(JournalConnectionFactory.REDELIVERY_DELAY_MILLIS, redeliveryDelayMillis);
        given.put(JournalConnectionFactory.PREFETCH, prefetch);
        given.put(JournalConnectionFactory.MAX_MESSAGE_SIZE, maxMessageSize);
        given.put(JournalConnectionFactory.REDELIVERY_MULTIPLIER, redeliveryMultiplier);
        given.put(JournalConnectionFactory.MAX_REDELIVERY_DELAY_MILLIS, maxRedeliveryDelayMillis);
        given.put(JournalConnectionFactory.MAX_DELIVERY_ATTEMPTS, maxDeliveryAttempts);
        given.put(JournalConnectionFactory.DEAD_LETTER_QUEUE, deadLetterQueue);
        given.put(JournalConnectionFactory.REDELIVERY_JITTER, redeliveryJitter);
        given.put(JournalConnectionFactory.EXPIRY_QUEUE, expiryQueue);
        given.put(JournalConnectionFactory.DROP_EXPIRED, dropExpired);
        given.put(JournalConnectionFactory.JMX, jmx);
        given.put(JournalConnectionFactory.DESERIALIZATION_ALLOW_LIST, deserializationAllowList);
        given.put(JournalConnectionFactory.DESERIALIZATION_DENY_LIST, deserializationDenyList);
        Map<String, String> properties = new LinkedHashMap<>();
        // an empty string is what a server's console sends for a property left blank: not set
        given.forEach((name, value) -> {
            if (value != null && !value.toString().isEmpty()) {
                properties.put(name, value.toString());
            }
        });
        return properties;
    }

    // ---------------------------------------------------------------- url or container DataSource

    /**
     * System properties naming the directory a server keeps its instance's own data in, in the order
     * tried: GlassFish and Payara (the domain), WildFly, Open Liberty, TomEE.
     */
    static final List<String> SERVER_DIRECTORIES = List.of(
            "com.sun.aas.instanceRoot", "jboss.server.data.dir", "server.output.dir", "catalina.base");

    /**
     * The journal of an adapter deployed with no location: an embedded HSQLDB file journal in
     * {@code journalmq/} under the server's instance directory (the working directory on a server
     * that names none), so that a newcomer's first deployment starts and its messages survive a
     * restart of the server. Several JVMs cannot share it; production sets url or dataSourceJndiName.
     */
    static String embeddedUrl() {
        Path base = Path.of(System.getProperty("user.dir"));
        for (String property : SERVER_DIRECTORIES) {
            String dir = System.getProperty(property);
            if (dir != null && !dir.isBlank()) {
                base = Path.of(dir);
                break;
            }
        }
        String url = "jdbc:hsqldb:file:" + base.resolve("journalmq").resolve("journal").toAbsolutePath().normalize();
        LOG.info("JMQ7024 neither 'url' nor 'dataSourceJndiName' is set: the journal is the embedded HSQLDB file"
                + " journal {} (one server only; set 'url' or 'dataSourceJndiName' to share it)", url);
        return url;
    }

    /** The factory on at most one of {@code url} and {@code dataSourceJndiName}, else the embedded journal. */
    private JournalConnectionFactory journalLocation() {
        boolean hasUrl = url != null && !url.isBlank();
        boolean hasDataSource = dataSourceJndiName != null && !dataSourceJndiName.isBlank();
        if (hasUrl && hasDataSource) {
            throw new IllegalArgumentException("properties 'url' and 'dataSourceJndiName' are both set: set exactly"
                    + " one, the JDBC URL of the journal or the JNDI name of a container DataSource");
        }
        if (hasDataSource) {
            return new JournalConnectionFactory(new JndiDataSource(dataSourceJndiName.trim()));
        }
        if (!hasUrl) {
            return new JournalConnectionFactory(embeddedUrl());
        }
        return new JournalConnectionFactory(url.trim()); // the binder's message names 'url'
    }
}
