package org.journalmq.ra;

import java.nio.file.Path;
import java.util.List;
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
    Integer poolSize;
    Long redeliveryDelayMillis;
    Integer prefetch;
    // Redelivery policy and dead-letter queue of the provider's redelivery policy (names as the
    // provider factory's properties; see README "Redelivery policy").
    Double redeliveryMultiplier;
    Long maxRedeliveryDelayMillis;
    Integer maxDeliveryAttempts;
    String deadLetterQueue;
    /** What ObjectMessage.getObject() may deserialize (provider settings; README "Security"). */
    String deserializationAllowList;
    String deserializationDenyList;
    /** JNDI name of a container DataSource for the journal, instead of url. */
    String dataSourceJndiName;

    /**
     * @throws IllegalArgumentException naming the property when one is missing or malformed
     */
    JournalConnectionFactory toFactory() {
        JournalConnectionFactory f = journalLocation();
        set(f, JournalConnectionFactory.USER, user);
        set(f, JournalConnectionFactory.PASSWORD, password);
        set(f, JournalConnectionFactory.PASSWORD_ENV, passwordEnv);
        set(f, JournalConnectionFactory.TABLE_PREFIX, tablePrefix);
        set(f, JournalConnectionFactory.LEASE_MILLIS, leaseMillis);
        set(f, JournalConnectionFactory.DUPLICATE_WINDOW_MILLIS, duplicateWindowMillis);
        set(f, JournalConnectionFactory.POOL_SIZE, poolSize);
        set(f, JournalConnectionFactory.REDELIVERY_DELAY_MILLIS, redeliveryDelayMillis);
        set(f, JournalConnectionFactory.PREFETCH, prefetch);
        set(f, "redeliveryMultiplier", redeliveryMultiplier);
        set(f, "maxRedeliveryDelayMillis", maxRedeliveryDelayMillis);
        set(f, "maxDeliveryAttempts", maxDeliveryAttempts);
        set(f, "deadLetterQueue", deadLetterQueue);
        set(f, JournalConnectionFactory.DESERIALIZATION_ALLOW_LIST, deserializationAllowList);
        set(f, JournalConnectionFactory.DESERIALIZATION_DENY_LIST, deserializationDenyList);
        return f;
    }

    private static void set(JournalConnectionFactory f, String name, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return;
        }
        try {
            f.set(name, value.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("property '" + name + "': " + e.getMessage(), e);
        }
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
        try {
            return new JournalConnectionFactory(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("property 'url': " + e.getMessage(), e);
        }
    }
}
