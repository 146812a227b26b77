package org.journalmq.ra;

import org.journalmq.jms.JournalConnectionFactory;

/**
 * The adapter's typed settings. Unset values keep the provider's defaults; each is handed to the
 * provider factory by its property name, so its validation (and message naming the property) is the
 * provider's.
 */
final class RaConfig {
    String url;
    String user;
    String password;
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
    /** JNDI name of a container DataSource for the journal, instead of url. */
    String dataSourceJndiName;

    /**
     * @throws IllegalArgumentException naming the property when one is missing or malformed
     */
    JournalConnectionFactory toFactory() {
        JournalConnectionFactory f = journalLocation();
        set(f, JournalConnectionFactory.USER, user);
        set(f, JournalConnectionFactory.PASSWORD, password);
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

    /** The factory on exactly one of {@code url} and {@code dataSourceJndiName}. */
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
            throw new IllegalArgumentException("property 'url' is missing: set it to the JDBC URL of the journal"
                    + " (for example jdbc:hsqldb:file:/var/journalmq/journal or jdbc:postgresql://db/app), or set"
                    + " 'dataSourceJndiName' to the JNDI name of a container DataSource");
        }
        try {
            return new JournalConnectionFactory(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("property 'url': " + e.getMessage(), e);
        }
    }
}
