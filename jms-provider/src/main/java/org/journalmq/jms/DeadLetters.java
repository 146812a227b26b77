package org.journalmq.jms;

import org.journalmq.jms.client.Redeliveries;

/**
 * Names shared by everything that produces or reads dead-lettered and expired messages: the
 * provider's redelivery policy and expiry sweep, the command line ({@code journalmq dlq ...}) and
 * JMX.
 *
 * <p>A message that failed its last allowed delivery attempt is moved, in one journal transaction,
 * to the dead-letter queue of its destination: by default the queue {@code DLQ.<queue name>} for a
 * queue, and {@code DLQ.<topic name>} for any subscription of a topic (both configurable per
 * destination). It keeps its original headers (JMSMessageID, JMSTimestamp, JMSCorrelationID,
 * JMSType, JMSReplyTo, JMSPriority, JMSDeliveryMode) and properties, and gets the provider
 * properties below. Jakarta Messaging 3.1 section 3.5.10 reserves the {@code JMS_<vendor_name>}
 * prefix for provider-specific properties, hence the {@code JMS_JournalMQ_} prefix.
 *
 * <p>An expired message is either dropped or moved to an expiry queue (by default the queue
 * {@code ExpiryQueue}, configurable per destination); the moved copy gets
 * {@link #ORIGINAL_DESTINATION} and {@link #EXPIRED_AT}, and no longer expires.
 */
public final class DeadLetters {

    /** Prefix of the default dead-letter queue name: {@code DLQ.orders} for queue {@code orders}. */
    public static final String DEAD_LETTER_QUEUE_PREFIX = "DLQ.";

    /** The default expiry queue of every destination. */
    public static final String DEFAULT_EXPIRY_QUEUE = "ExpiryQueue";

    /**
     * String property: where the message was when it was dead-lettered or expired. The queue name for
     * a queue; the topic name for a subscription (see {@link #ORIGINAL_SUBSCRIPTION}).
     */
    public static final String ORIGINAL_DESTINATION = "JMS_JournalMQ_OriginalDestination";

    /**
     * String property, set only for messages that came from a topic subscription: the subscription
     * name (absent for a non-durable, unshared subscription, which has no name).
     */
    public static final String ORIGINAL_SUBSCRIPTION = "JMS_JournalMQ_OriginalSubscription";

    /** Int property: how many delivery attempts the message had when it was dead-lettered. */
    public static final String DELIVERY_ATTEMPTS = "JMS_JournalMQ_DeliveryAttempts";

    /** String property: why the last attempt failed (see the {@code REASON_} constants). */
    public static final String DEAD_LETTER_REASON = "JMS_JournalMQ_DeadLetterReason";

    /** Long property: the journal-clock time (epoch milliseconds) at which the message expired. */
    public static final String EXPIRED_AT = "JMS_JournalMQ_ExpiredAt";

    /** Reason: a transacted session was rolled back. */
    public static final String REASON_ROLLBACK = "rollback";

    /** Reason: a session was recovered (CLIENT_ACKNOWLEDGE, or a consumer closed before acking). */
    public static final String REASON_RECOVER = "recover";

    /** Reason: the session was closed (or its connection) while the message was unacknowledged. */
    public static final String REASON_SESSION_CLOSED = "session closed before acknowledgement";

    /** Reason: acknowledging or committing the message failed, and it was its last attempt. */
    public static final String REASON_ACKNOWLEDGE_FAILED = "acknowledgement failed";

    /** Reason prefix for a message whose stored form could not be decoded (it is moved as it is). */
    public static final String REASON_UNDECODABLE_PREFIX = "message could not be decoded: ";

    /**
     * Reason prefix for an ObjectMessage whose body the connection factory's deserialization filter
     * refused (issue 15); the rest names the class and the setting to change. Such a message is
     * moved at once, without redelivery: replay it once the setting allows the class.
     */
    public static final String REASON_REFUSED_BODY_PREFIX = "ObjectMessage body refused: ";

    /** Reason: the consumer's JVM died, or its lease expired, on the last attempt. */
    public static final String REASON_CONSUMER_CRASHED = "consumer crashed or lease expired";

    /**
     * Reason prefix for a MessageListener that threw: the full reason is
     * {@code "listener threw " + exception class name + ": " + exception message}.
     */
    public static final String REASON_LISTENER_PREFIX = "listener threw ";

    /** Every property above: what a replay strips, so the message goes back as it was before it failed or expired. */
    public static final java.util.List<String> PROPERTIES = java.util.List.of(ORIGINAL_DESTINATION,
            ORIGINAL_SUBSCRIPTION, DELIVERY_ATTEMPTS, DEAD_LETTER_REASON, EXPIRED_AT);

    private DeadLetters() {
    }

    /**
     * Decodes a journal row as a consumer would receive it: a row that the expiry sweep moved shows
     * where it came from through {@link #ORIGINAL_DESTINATION} and {@link #EXPIRED_AT} (the sweep
     * records them in columns, since the journal cannot rewrite the serialized message).
     */
    public static org.journalmq.jms.message.JournalMessage decode(org.journalmq.persistence.StoredMessage row)
            throws jakarta.jms.JMSException {
        org.journalmq.jms.message.JournalMessage m = org.journalmq.jms.message.MessageCodec.decode(row.data());
        Redeliveries.exposeExpiryOrigin(m, row);
        return m;
    }

    /** The default dead-letter queue of a queue: {@code DLQ.<queue>}. */
    public static String deadLetterQueueFor(String queue) {
        return DEAD_LETTER_QUEUE_PREFIX + requireName(queue, "queue");
    }

    /** The default dead-letter queue of every subscription of a topic: {@code DLQ.<topic>}. */
    public static String deadLetterQueueForTopic(String topic) {
        return DEAD_LETTER_QUEUE_PREFIX + requireName(topic, "topic");
    }

    /** The default expiry queue of any destination: {@value #DEFAULT_EXPIRY_QUEUE}. */
    public static String expiryQueueFor(String destination) {
        requireName(destination, "destination");
        return DEFAULT_EXPIRY_QUEUE;
    }

    /** True when a queue name is a dead-letter queue under the default naming rule. */
    public static boolean isDeadLetterQueue(String queue) {
        return queue != null && queue.startsWith(DEAD_LETTER_QUEUE_PREFIX)
                && queue.length() > DEAD_LETTER_QUEUE_PREFIX.length();
    }

    /** The reason recorded for a MessageListener that threw {@code failure}. */
    public static String listenerReason(Throwable failure) {
        String text = failure.getMessage();
        return REASON_LISTENER_PREFIX + failure.getClass().getName() + (text == null ? "" : ": " + text);
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " name is null or empty");
        }
        return name;
    }
}
