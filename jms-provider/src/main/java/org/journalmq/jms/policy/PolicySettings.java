package org.journalmq.jms.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.config.Settings;
import org.journalmq.jms.config.SettingsBinder;

/**
 * The redelivery, dead-letter and expiry policies of a connection factory, resolved per destination
 * from its settings: defaults under the plain property names, and per-destination overrides under
 * {@code queue.<name>.<setting>} and {@code topic.<name>.<setting>} (a topic's settings apply to
 * every subscription of it). The values were checked when bound ({@link SettingsBinder}); this
 * class only reads them.
 *
 * <p>They live in the factory, not in the journal: every JVM consuming a destination applies its
 * own factory's policy to the messages it consumes, and the sender's factory decides where its
 * messages go when they expire (stored with each row). JVMs sharing a journal should therefore be
 * configured alike; see docs/design-decisions.md.
 * <p>Internal: for org.journalmq.jms, org.journalmq.jms.client.
 */
public final class PolicySettings {

    static final String REDELIVERY_DELAY_MILLIS = SettingsBinder.REDELIVERY_DELAY_MILLIS;
    static final String REDELIVERY_MULTIPLIER = SettingsBinder.REDELIVERY_MULTIPLIER;
    static final String MAX_REDELIVERY_DELAY_MILLIS = SettingsBinder.MAX_REDELIVERY_DELAY_MILLIS;
    static final String REDELIVERY_JITTER = SettingsBinder.REDELIVERY_JITTER;
    static final String MAX_DELIVERY_ATTEMPTS = SettingsBinder.MAX_DELIVERY_ATTEMPTS;
    static final String DEAD_LETTER_QUEUE = SettingsBinder.DEAD_LETTER_QUEUE;
    static final String EXPIRY_QUEUE = SettingsBinder.EXPIRY_QUEUE;
    static final String DROP_EXPIRED = SettingsBinder.DROP_EXPIRED;

    private static final String QUEUE_SCOPE = "queue.";
    private static final String TOPIC_SCOPE = "topic.";

    private PolicySettings() {
    }

    /**
     * An immutable view of {@link Settings#policies()} for one connection.
     * <p>Internal: for org.journalmq.jms.
     */
    public static Policies resolve(Settings settings) {
        return new Policies(settings.policies(), settings.redeliveryDelayMillis());
    }

    /**
     * What applies to one destination.
     * <p>Internal: for org.journalmq.jms.client.
     */
    public record Policy(RedeliveryPolicy redelivery, String deadLetterQueue, String expiryQueue) {
        /**
         * The journal address expired messages go to, or null when they are dropped.
         * <p>Internal: for org.journalmq.jms.client.
         */
        public String expiryAddress() {
            return expiryQueue == null ? null : JournalDestination.Kind.QUEUE.tag() + ":" + expiryQueue;
        }

        /** Internal: for org.journalmq.jms.client. */
        public String deadLetterAddress() {
            return JournalDestination.Kind.QUEUE.tag() + ":" + deadLetterQueue;
        }
    }

    /**
     * The settings as one connection sees them, resolved per destination once and cached.
     * <p>Internal: for org.journalmq.jms.
     */
    public static final class Policies {
        private final Map<String, String> values;
        private final long defaultInitialDelayMillis;
        private final ConcurrentMap<String, Policy> resolved = new ConcurrentHashMap<>();

        private Policies(Map<String, String> values, long defaultInitialDelayMillis) {
            this.values = values;
            this.defaultInitialDelayMillis = defaultInitialDelayMillis;
        }

        /**
         * The policy of a queue, or of every subscription of a topic (temporary ones alike).
         * <p>Internal: for org.journalmq.jms.client.
         */
        public Policy forDestination(JournalDestination d) {
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
