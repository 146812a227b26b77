package org.journalmq.jms.config;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.journalmq.jms.message.DeserializationFilter;
import org.journalmq.persistence.JournalConfig;

/**
 * Binds settings by name and string value into {@link Settings}. Each setting is defined once
 * below (name, type, default, rule, error message), so every entry point accepts the same names and
 * values and refuses a bad value with the same {@link IllegalArgumentException} message:
 * {@code property '<name>' <rule>, was <value>}, or {@code property '<name>' needs a number} when
 * it does not parse (the value is left out then: it may be anything the user typed, a password
 * given under the wrong key included). Values are checked when set, so a bad one fails where it
 * was configured, not at the first connection.
 *
 * <p>A binder is mutable and thread-safe, and serializable without its password (issue 15: a
 * serialized factory is a secret at rest otherwise); {@link #settings()} is an immutable snapshot.
 */
public final class SettingsBinder implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String URL = "url";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String PASSWORD_ENV = "passwordEnv";
    public static final String POOL_SIZE = "poolSize";
    public static final String LEASE_MILLIS = "leaseMillis";
    public static final String DUPLICATE_WINDOW_MILLIS = "duplicateWindowMillis";
    public static final String RECONNECT_TIMEOUT_MILLIS = "reconnectTimeoutMillis";
    public static final String INDEX_COMPACTION_MIN_BYTES = "indexCompactionMinBytes";
    public static final String TABLE_PREFIX = "tablePrefix";
    public static final String CLIENT_ID = "clientID";
    public static final String PREFETCH = "prefetch";
    public static final String MAX_MESSAGE_SIZE = "maxMessageSize";
    public static final String JMX = "jmx";
    public static final String DESERIALIZATION_ALLOW_LIST = DeserializationFilter.ALLOW_SETTING;
    public static final String DESERIALIZATION_DENY_LIST = DeserializationFilter.DENY_SETTING;
    public static final String REDELIVERY_DELAY_MILLIS = "redeliveryDelayMillis";
    public static final String REDELIVERY_MULTIPLIER = "redeliveryMultiplier";
    public static final String MAX_REDELIVERY_DELAY_MILLIS = "maxRedeliveryDelayMillis";
    public static final String REDELIVERY_JITTER = "redeliveryJitter";
    public static final String MAX_DELIVERY_ATTEMPTS = "maxDeliveryAttempts";
    public static final String DEAD_LETTER_QUEUE = "deadLetterQueue";
    public static final String EXPIRY_QUEUE = "expiryQueue";
    public static final String DROP_EXPIRED = "dropExpired";

    /** The default prefetch of a listener's consumer. */
    public static final int DEFAULT_PREFETCH = 16;

    /**
     * The default largest encoded message, 15 MiB: it fits HSQLDB's VARBINARY(16M) body column and
     * MariaDB's default max_allowed_packet (16 MiB) with room for the statement around it, so a send
     * the provider accepts is one every journal can store.
     */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 15 << 20;

    /** The smallest maxMessageSize: below it even a message with a few headers would be refused. */
    public static final int MIN_MAX_MESSAGE_SIZE = 1024;

    private static final String QUEUE_SCOPE = "queue.";
    private static final String TOPIC_SCOPE = "topic.";

    /** Checks a raw value of the setting given under {@code key}; returns it normalised. */
    @FunctionalInterface
    private interface Rule {
        String check(String key, String raw);
    }

    /** The settings a destination may override; redeliveryDelayMillis is also a setting of its own. */
    public static final Set<String> DESTINATION_SETTINGS = Set.of(REDELIVERY_DELAY_MILLIS, REDELIVERY_MULTIPLIER,
            MAX_REDELIVERY_DELAY_MILLIS, REDELIVERY_JITTER, MAX_DELIVERY_ATTEMPTS, DEAD_LETTER_QUEUE, EXPIRY_QUEUE,
            DROP_EXPIRED);

    /** Every setting, once: its rule (the defaults are in {@link #settings()}). */
    private static final Map<String, Rule> RULES = rules();

    private static Map<String, Rule> rules() {
        Map<String, Rule> r = new LinkedHashMap<>();
        r.put(URL, (key, raw) -> {
            require(raw != null && raw.startsWith("jdbc:"), key, "must be a JDBC URL starting with jdbc:", raw);
            return raw;
        });
        r.put(USER, (key, raw) -> raw);
        r.put(PASSWORD, (key, raw) -> raw);
        r.put(PASSWORD_ENV, (key, raw) -> {
            require(!raw.isBlank() && raw.indexOf('=') < 0 && raw.indexOf('\0') < 0, key,
                    "must be an environment variable name", "'" + raw + "'");
            return raw;
        });
        r.put(POOL_SIZE, (key, raw) -> intAtLeast(key, raw, 1));
        r.put(LEASE_MILLIS, (key, raw) -> atLeast(key, raw, 100));
        r.put(DUPLICATE_WINDOW_MILLIS, (key, raw) -> atLeast(key, raw, 1));
        r.put(RECONNECT_TIMEOUT_MILLIS, (key, raw) -> atLeast(key, raw, 0));
        r.put(INDEX_COMPACTION_MIN_BYTES, (key, raw) -> atLeast(key, raw, 0));
        r.put(TABLE_PREFIX, (key, raw) -> {
            try {
                // the journal owns the rule (it builds SQL identifiers from the prefix)
                JournalConfig.builder(JournalConfig.DEFAULT_URL).tablePrefix(raw).build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("property '" + key + "': " + e.getMessage(), e);
            }
            return raw;
        });
        r.put(CLIENT_ID, (key, raw) -> raw);
        r.put(PREFETCH, (key, raw) -> intAtLeast(key, raw, 1));
        r.put(MAX_MESSAGE_SIZE, (key, raw) -> intAtLeast(key, raw, MIN_MAX_MESSAGE_SIZE));
        r.put(JMX, SettingsBinder::bool);
        // the two lists are checked together in set(): the deny list may not hold the allow list's limits
        r.put(DESERIALIZATION_ALLOW_LIST, (key, raw) -> raw);
        r.put(DESERIALIZATION_DENY_LIST, (key, raw) -> raw);
        r.put(REDELIVERY_DELAY_MILLIS, (key, raw) -> atLeast(key, raw, 0));
        r.put(REDELIVERY_MULTIPLIER, (key, raw) -> {
            double v = parseDouble(key, raw);
            require(Double.isFinite(v) && v >= 1.0, key, "must be a finite number of at least 1", raw.trim());
            return Double.toString(v);
        });
        r.put(MAX_REDELIVERY_DELAY_MILLIS, (key, raw) -> atLeast(key, raw, 0));
        r.put(REDELIVERY_JITTER, (key, raw) -> {
            double v = parseDouble(key, raw);
            require(v >= 0.0 && v <= 1.0, key, "must lie between 0 and 1", raw.trim());
            return Double.toString(v);
        });
        r.put(MAX_DELIVERY_ATTEMPTS, (key, raw) -> intAtLeast(key, raw, 1));
        r.put(DEAD_LETTER_QUEUE, SettingsBinder::queueName);
        r.put(EXPIRY_QUEUE, SettingsBinder::queueName);
        r.put(DROP_EXPIRED, SettingsBinder::bool);
        return r;
    }

    /** Explicitly set values, normalised, by key; the password is kept apart so it is never serialized. */
    private final TreeMap<String, String> values = new TreeMap<>();
    private transient String password;
    /** The snapshot of the current values; rebuilt after each change. */
    private transient Settings settings;

    /** Every setting at its default ({@link JournalConfig#DEFAULT_URL} for the url). */
    public SettingsBinder() {
    }

    /**
     * A binder with every entry of the map set, in the order of their names (so the allow list is
     * checked before the deny list that must agree with it): for property sources such as Spring's.
     */
    public static SettingsBinder of(Map<String, String> properties) {
        SettingsBinder b = new SettingsBinder();
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            b.set(e.getKey(), e.getValue());
        }
        return b;
    }

    /** The names {@link #set} accepts besides the per-destination keys. */
    public static Set<String> names() {
        return RULES.keySet();
    }

    /** True for a per-destination key, {@code queue.<name>.<setting>} or {@code topic.<name>.<setting>}. */
    public static boolean isDestinationKey(String key) {
        return key != null && (key.startsWith(QUEUE_SCOPE) || key.startsWith(TOPIC_SCOPE));
    }

    /**
     * Sets one setting by name; a null value puts it back to its default (the url has no such
     * reset: it must stay a JDBC URL).
     *
     * @throws IllegalArgumentException for an unknown name or a bad value, naming the property
     */
    public synchronized void set(String key, String value) {
        String setting = settingOf(key);
        Rule rule = RULES.get(setting);
        if (value == null && !setting.equals(URL)) {
            remove(key);
            return;
        }
        String normal = rule.check(key, value);
        if (setting.equals(DESERIALIZATION_ALLOW_LIST) || setting.equals(DESERIALIZATION_DENY_LIST)) {
            boolean allow = setting.equals(DESERIALIZATION_ALLOW_LIST);
            new DeserializationFilter(allow ? normal : values.get(DESERIALIZATION_ALLOW_LIST),
                    allow ? values.get(DESERIALIZATION_DENY_LIST) : normal); // its message names the list
        }
        if (setting.equals(PASSWORD)) {
            password = normal;
        } else {
            values.put(key, normal);
        }
        settings = null;
    }

    private void remove(String key) {
        if (key.equals(PASSWORD)) {
            password = null;
        }
        values.remove(key);
        settings = null;
    }

    /** An immutable snapshot of the current settings. */
    public synchronized Settings settings() {
        if (settings == null) {
            Map<String, String> policies = new TreeMap<>();
            values.forEach((k, v) -> {
                if (isDestinationKey(k) || (DESTINATION_SETTINGS.contains(k) && !k.equals(REDELIVERY_DELAY_MILLIS))) {
                    policies.put(k, v);
                }
            });
            settings = new Settings(values.getOrDefault(URL, JournalConfig.DEFAULT_URL), values.get(USER), password,
                    values.get(PASSWORD_ENV), Integer.parseInt(valueOr(POOL_SIZE, JournalConfig.DEFAULT_POOL_SIZE)),
                    Long.parseLong(valueOr(LEASE_MILLIS, JournalConfig.DEFAULT_LEASE_MILLIS)),
                    Long.parseLong(valueOr(DUPLICATE_WINDOW_MILLIS, JournalConfig.DEFAULT_DUPLICATE_WINDOW_MILLIS)),
                    values.getOrDefault(TABLE_PREFIX, JournalConfig.DEFAULT_TABLE_PREFIX), values.get(CLIENT_ID),
                    Integer.parseInt(valueOr(PREFETCH, DEFAULT_PREFETCH)),
                    Long.parseLong(valueOr(REDELIVERY_DELAY_MILLIS, 0)),
                    Boolean.parseBoolean(values.getOrDefault(JMX, "true")), values.get(DESERIALIZATION_ALLOW_LIST),
                    values.get(DESERIALIZATION_DENY_LIST), policies,
                    Long.parseLong(valueOr(RECONNECT_TIMEOUT_MILLIS, JournalConfig.DEFAULT_RECONNECT_TIMEOUT_MILLIS)),
                    Integer.parseInt(valueOr(MAX_MESSAGE_SIZE, DEFAULT_MAX_MESSAGE_SIZE)),
                    Long.parseLong(valueOr(INDEX_COMPACTION_MIN_BYTES, JournalConfig.DEFAULT_INDEX_COMPACTION_MIN_BYTES)));
        }
        return settings;
    }

    private String valueOr(String key, long defaultValue) {
        return values.getOrDefault(key, Long.toString(defaultValue));
    }

    // ---------------------------------------------------------------- names

    /** The setting a key sets: itself, or the last part of a per-destination key. */
    private static String settingOf(String key) {
        if (key != null && RULES.containsKey(key)) {
            return key;
        }
        if (!isDestinationKey(key)) {
            throw new IllegalArgumentException("unknown JournalMQ connection factory property '" + key + "'; known: "
                    + String.join(", ", new TreeSet<>(RULES.keySet())) + ", and queue.<name>.<setting> or"
                    + " topic.<name>.<setting> for the redelivery and expiry settings");
        }
        int dot = key.lastIndexOf('.');
        int scopeEnd = key.indexOf('.') + 1;
        String setting = dot < scopeEnd ? "" : key.substring(dot + 1);
        if (!DESTINATION_SETTINGS.contains(setting)) {
            throw new IllegalArgumentException("property '" + key + "' must have the form queue.<name>.<setting> or"
                    + " topic.<name>.<setting> with a setting among " + new TreeSet<>(DESTINATION_SETTINGS));
        }
        String problem = DestinationNames.problem(key.substring(scopeEnd, dot),
                key.startsWith(QUEUE_SCOPE) ? "queue" : "topic");
        if (problem != null) {
            throw new IllegalArgumentException("property '" + key + "': " + problem);
        }
        return setting;
    }

    // ---------------------------------------------------------------- rules

    private static String atLeast(String key, String raw, long min) {
        long v;
        try {
            v = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property '" + key + "' needs a number", e);
        }
        require(v >= min, key, min == 0 ? "must not be negative" : "must be at least " + min, Long.toString(v));
        return Long.toString(v);
    }

    /** As {@link #atLeast} for a setting of type int: a larger number does not parse, as for a typed setter. */
    private static String intAtLeast(String key, String raw, int min) {
        String v = atLeast(key, raw, min);
        if (Long.parseLong(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("property '" + key + "' needs a number");
        }
        return v;
    }

    private static double parseDouble(String key, String raw) {
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property '" + key + "' needs a number", e);
        }
    }

    private static String bool(String key, String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        require(v.equals("true") || v.equals("false"), key, "must be true or false", "'" + raw + "'");
        return v;
    }

    /** Queue names are taken as given (not trimmed): white space around one is refused, not removed. */
    private static String queueName(String key, String raw) {
        String problem = DestinationNames.problem(raw, "queue");
        if (problem != null) {
            throw new IllegalArgumentException("property '" + key + "': " + problem);
        }
        return raw;
    }

    private static void require(boolean ok, String key, String rule, String shown) {
        if (!ok) {
            throw new IllegalArgumentException("property '" + key + "' " + rule + ", was " + shown);
        }
    }

    /** Checks the stored values again: a serialized form is input like any other. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        TreeMap<String, String> read = new TreeMap<>(values);
        values.clear();
        try {
            read.forEach(this::set);
        } catch (IllegalArgumentException e) {
            throw (InvalidObjectException) new InvalidObjectException(e.getMessage()).initCause(e);
        }
    }
}
