package org.journalmq.jms.config;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings of a connection factory, validated and immutable: what one binding of
 * {@link SettingsBinder} produced. Values that were not given hold their defaults.
 *
 * @param url                      JDBC URL of the journal
 * @param user                     database user, or null
 * @param password                 database password, or null; never in {@link #toString()} nor {@link #publicValues()}
 * @param passwordEnv              environment variable holding the password, or null
 * @param poolSize                 JDBC connections pooled per journal
 * @param leaseMillis              how long a claim lasts without renewal
 * @param duplicateWindowMillis    how long a duplicate id is remembered per destination
 * @param tablePrefix              prefix of the journal's tables
 * @param clientID                 client ID of every connection, or null
 * @param prefetch                 messages a listener's consumer claims at once
 * @param redeliveryDelayMillis    the default initial redelivery delay
 * @param jmx                      whether the journal's MBeans are registered
 * @param deserializationAllowList extra classes ObjectMessage may deserialize, or null
 * @param deserializationDenyList  classes ObjectMessage refuses, or null
 * @param policies                 the other redelivery, dead-letter and expiry settings, by property
 *                                 name: factory defaults under plain names, per-destination values
 *                                 under {@code queue.<name>.<setting>} and {@code topic.<name>.<setting>};
 *                                 normalised strings, read by the provider's policy resolver
 * @param reconnectTimeoutMillis   how long a send, acknowledge or commit waits for an unreachable database
 * @param maxMessageSize           largest encoded message (body and properties) a send accepts, in bytes
 * @param indexCompactionMinBytes  index size from which the journal rebuilds a drained table's indexes (0: never)
 */
public record Settings(String url, String user, String password, String passwordEnv, int poolSize, long leaseMillis,
                       long duplicateWindowMillis, String tablePrefix, String clientID, int prefetch,
                       long redeliveryDelayMillis, boolean jmx, String deserializationAllowList,
                       String deserializationDenyList, Map<String, String> policies, long reconnectTimeoutMillis,
                       int maxMessageSize, long indexCompactionMinBytes) {

    public Settings {
        policies = Collections.unmodifiableMap(new TreeMap<>(policies));
    }

    /**
     * Every setting but the password, by property name, as normalised strings (null values left
     * out): what a JNDI Reference of the factory holds, since a naming service stores it in clear.
     */
    public Map<String, String> publicValues() {
        Map<String, String> m = new TreeMap<>();
        put(m, SettingsBinder.URL, url);
        put(m, SettingsBinder.USER, user);
        put(m, SettingsBinder.PASSWORD_ENV, passwordEnv);
        put(m, SettingsBinder.POOL_SIZE, Integer.toString(poolSize));
        put(m, SettingsBinder.LEASE_MILLIS, Long.toString(leaseMillis));
        put(m, SettingsBinder.DUPLICATE_WINDOW_MILLIS, Long.toString(duplicateWindowMillis));
        put(m, SettingsBinder.RECONNECT_TIMEOUT_MILLIS, Long.toString(reconnectTimeoutMillis));
        put(m, SettingsBinder.INDEX_COMPACTION_MIN_BYTES, Long.toString(indexCompactionMinBytes));
        put(m, SettingsBinder.TABLE_PREFIX, tablePrefix);
        put(m, SettingsBinder.CLIENT_ID, clientID);
        put(m, SettingsBinder.PREFETCH, Integer.toString(prefetch));
        put(m, SettingsBinder.MAX_MESSAGE_SIZE, Integer.toString(maxMessageSize));
        put(m, SettingsBinder.REDELIVERY_DELAY_MILLIS, Long.toString(redeliveryDelayMillis));
        put(m, SettingsBinder.JMX, Boolean.toString(jmx));
        put(m, SettingsBinder.DESERIALIZATION_ALLOW_LIST, deserializationAllowList);
        put(m, SettingsBinder.DESERIALIZATION_DENY_LIST, deserializationDenyList);
        m.putAll(policies);
        return m;
    }

    private static void put(Map<String, String> m, String name, String value) {
        if (value != null) {
            m.put(name, value);
        }
    }

    /** The password is masked: settings are logged and shown in exception messages. */
    @Override
    public String toString() {
        Map<String, String> shown = publicValues();
        if (password != null) {
            shown.put(SettingsBinder.PASSWORD, "****");
        }
        return "Settings" + shown;
    }
}
