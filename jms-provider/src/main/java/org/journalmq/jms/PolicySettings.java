package org.journalmq.jms;

import jakarta.jms.InvalidDestinationException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The redelivery, dead-letter and expiry settings of a connection factory: defaults under the plain
 * property names, and per-destination overrides under {@code queue.<name>.<setting>} and
 * {@code topic.<name>.<setting>} (a topic's settings apply to every subscription of it). Values
 * are checked when set, so a bad one fails at configuration with a message naming the property.
 *
 * <p>They live in the factory, not in the journal: every JVM consuming a destination applies its
 * own factory's policy to the messages it consumes, and the sender's factory decides where its
 * messages go when they expire (stored with each row). JVMs sharing a journal should therefore be
 * configured alike; see docs/design-decisions.md.
 */
final class PolicySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String REDELIVERY_DELAY_MILLIS = JournalConnectionFactory.REDELIVERY_DELAY_MILLIS;
    static final String REDELIVERY_MULTIPLIER = JournalConnectionFactory.REDELIVERY_MULTIPLIER;
    static final String MAX_REDELIVERY_DELAY_MILLIS = JournalConnectionFactory.MAX_REDELIVERY_DELAY_MILLIS;
    static final String REDELIVERY_JITTER = JournalConnectionFactory.REDELIVERY_JITTER;
    static final String MAX_DELIVERY_ATTEMPTS = JournalConnectionFactory.MAX_DELIVERY_ATTEMPTS;
    static final String DEAD_LETTER_QUEUE = JournalConnectionFactory.DEAD_LETTER_QUEUE;
    static final String EXPIRY_QUEUE = JournalConnectionFactory.EXPIRY_QUEUE;
    static final String DROP_EXPIRED = JournalConnectionFactory.DROP_EXPIRED;

    /** Every setting that may be given per destination (the default initial delay is the factory's field). */
    static final Set<String> SETTINGS = Set.of(REDELIVERY_DELAY_MILLIS, REDELIVERY_MULTIPLIER,
            MAX_REDELIVERY_DELAY_MILLIS, REDELIVERY_JITTER, MAX_DELIVERY_ATTEMPTS, DEAD_LETTER_QUEUE, EXPIRY_QUEUE,
            DROP_EXPIRED);

    private static final String QUEUE_SCOPE = "queue.";
    private static final String TOPIC_SCOPE = "topic.";

    /** Property name to checked value; defaults under plain names, overrides under scoped names. */
    private final TreeMap<String, String> values = new TreeMap<>();

    /** True for a plain setting name or a {@code queue.<name>.<setting>} / {@code topic.<name>.<setting>} key. */
    static boolean accepts(String key) {
        return key != null && (SETTINGS.contains(key) || key.startsWith(QUEUE_SCOPE) || key.startsWith(TOPIC_SCOPE));
    }

    /**
     * Sets a default or an override; a null value removes it.
     *
     * @throws IllegalArgumentException naming the property when the key or value is invalid
     */
    synchronized void set(String key, String value) {
        String setting = settingOf(key);
        if (value == null) {
            values.remove(key);
            return;
        }
        values.put(key, check(key, setting, value));
    }

    /** A copy of the values, for JNDI references. */
    synchronized Map<String, String> values() {
        return new TreeMap<>(values);
    }

    synchronized String get(String key) {
        return values.get(key);
    }

    /** An immutable snapshot for one connection. */
    synchronized Policies resolve(long defaultInitialDelayMillis) {
        return new Policies(new TreeMap<>(values), defaultInitialDelayMillis);
    }

    private static String settingOf(String key) {
        if (key != null && SETTINGS.contains(key)) {
            return key;
        }
        if (!accepts(key)) {
            throw new IllegalArgumentException("unknown JournalMQ destination policy property '" + key + "'");
        }
        int dot = key.lastIndexOf('.');
        int scopeEnd = key.indexOf('.') + 1;
        String setting = dot < scopeEnd ? "" : key.substring(dot + 1);
        if (!SETTINGS.contains(setting)) {
            throw new IllegalArgumentException("property '" + key + "' must have the form queue.<name>.<setting> or"
                    + " topic.<name>.<setting> with a setting among " + new TreeSet<>(SETTINGS));
        }
        String name = key.substring(scopeEnd, dot);
        try {
            JournalDestination.checkName(name, key.startsWith(QUEUE_SCOPE) ? JournalDestination.Kind.QUEUE
                    : JournalDestination.Kind.TOPIC);
        } catch (InvalidDestinationException e) {
            throw new IllegalArgumentException("property '" + key + "': " + e.getMessage());
        }
        return setting;
    }

    /** Parses and range-checks a value; returns it normalised. */
    private static String check(String key, String setting, String raw) {
        String value = raw.trim(); // queue names are taken as given, see the default branch
        try {
            switch (setting) {
                case REDELIVERY_DELAY_MILLIS, MAX_REDELIVERY_DELAY_MILLIS -> {
                    long v = Long.parseLong(value);
                    require(v >= 0, key, "must not be negative", value);
                    return Long.toString(v);
                }
                case REDELIVERY_MULTIPLIER -> {
                    double v = Double.parseDouble(value);
                    require(Double.isFinite(v) && v >= 1.0, key, "must be a finite number of at least 1", value);
                    return Double.toString(v);
                }
                case REDELIVERY_JITTER -> {
                    double v = Double.parseDouble(value);
                    require(v >= 0.0 && v <= 1.0, key, "must lie between 0 and 1", value);
                    return Double.toString(v);
                }
                case MAX_DELIVERY_ATTEMPTS -> {
                    int v = Integer.parseInt(value);
                    require(v >= 1, key, "must be at least 1", value);
                    return Integer.toString(v);
                }
                case DROP_EXPIRED -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    require(v.equals("true") || v.equals("false"), key, "must be true or false", value);
                    return v;
                }
                default -> { // a queue name
                    try {
                        JournalDestination.checkName(raw, JournalDestination.Kind.QUEUE);
                    } catch (InvalidDestinationException e) {
                        throw new IllegalArgumentException("property '" + key + "': " + e.getMessage());
                    }
                    return raw;
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property '" + key + "' needs a number, was '" + value + "'", e);
        }
    }

    private static void require(boolean ok, String key, String rule, String value) {
        if (!ok) {
            throw new IllegalArgumentException("property '" + key + "' " + rule + ", was " + value);
        }
    }

    /** What applies to one destination. */
    record Policy(RedeliveryPolicy redelivery, String deadLetterQueue, String expiryQueue) {
        /** The journal address expired messages go to, or null when they are dropped. */
        String expiryAddress() {
            return expiryQueue == null ? null : JournalDestination.Kind.QUEUE.tag() + ":" + expiryQueue;
        }

        String deadLetterAddress() {
            return JournalDestination.Kind.QUEUE.tag() + ":" + deadLetterQueue;
        }
    }

    /** The settings as one connection sees them, resolved per destination once and cached. */
    static final class Policies {
        private final Map<String, String> values;
        private final long defaultInitialDelayMillis;
        private final ConcurrentMap<String, Policy> resolved = new ConcurrentHashMap<>();

        private Policies(Map<String, String> values, long defaultInitialDelayMillis) {
            this.values = values;
            this.defaultInitialDelayMillis = defaultInitialDelayMillis;
        }

        /** The policy of a queue, or of every subscription of a topic (temporary ones alike). */
        Policy forDestination(JournalDestination d) {
            boolean topic = d.kind() == JournalDestination.Kind.TOPIC
                    || d.kind() == JournalDestination.Kind.TEMPORARY_TOPIC;
            String scope = (topic ? TOPIC_SCOPE : QUEUE_SCOPE) + d.name() + ".";
            return resolved.computeIfAbsent(scope, s -> resolve(s, d.name(), topic));
        }

        private Policy resolve(String scope, String name, boolean topic) {
            RedeliveryPolicy base = RedeliveryPolicy.DEFAULT;
            RedeliveryPolicy redelivery = new RedeliveryPolicy(
                    Long.parseLong(value(scope, REDELIVERY_DELAY_MILLIS, Long.toString(defaultInitialDelayMillis))),
                    Double.parseDouble(value(scope, REDELIVERY_MULTIPLIER, Double.toString(base.multiplier()))),
                    Long.parseLong(value(scope, MAX_REDELIVERY_DELAY_MILLIS, Long.toString(base.maxDelayMillis()))),
                    Double.parseDouble(value(scope, REDELIVERY_JITTER, Double.toString(base.jitter()))),
                    Integer.parseInt(value(scope, MAX_DELIVERY_ATTEMPTS, Integer.toString(base.maxDeliveryAttempts()))));
            String dlq = value(scope, DEAD_LETTER_QUEUE,
                    topic ? DeadLetters.deadLetterQueueForTopic(name) : DeadLetters.deadLetterQueueFor(name));
            boolean drop = Boolean.parseBoolean(value(scope, DROP_EXPIRED, "false"));
            String expiry = drop ? null : value(scope, EXPIRY_QUEUE, DeadLetters.expiryQueueFor(name));
            return new Policy(redelivery, dlq, expiry);
        }

        /** The destination's own value, else the factory default, else the built-in default. */
        private String value(String scope, String setting, String builtIn) {
            String own = values.get(scope + setting);
            if (own != null) {
                return own;
            }
            return values.getOrDefault(setting, builtIn);
        }
    }
}
