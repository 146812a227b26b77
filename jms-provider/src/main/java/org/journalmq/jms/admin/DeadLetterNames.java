package org.journalmq.jms.admin;

import java.util.List;

/**
 * The dead-letter contract with the redelivery policy (branch dlq), kept in this ONE place so that
 * it can be switched to {@code org.journalmq.jms.DeadLetters} at merge: the dead-letter queue of
 * queue Q is the queue {@code DLQ.Q}, of a topic subscription {@code DLQ.<topic>}; dead-lettered
 * and expired messages carry the properties below.
 */
public final class DeadLetterNames {
    public static final String QUEUE_PREFIX = "DLQ.";
    public static final String EXPIRY_QUEUE = "ExpiryQueue";
    public static final String ORIGINAL_DESTINATION = "JMS_JournalMQ_OriginalDestination";
    public static final String ORIGINAL_SUBSCRIPTION = "JMS_JournalMQ_OriginalSubscription";
    public static final String DELIVERY_ATTEMPTS = "JMS_JournalMQ_DeliveryAttempts";
    public static final String DEAD_LETTER_REASON = "JMS_JournalMQ_DeadLetterReason";
    public static final String EXPIRED_AT = "JMS_JournalMQ_ExpiredAt";

    /** What a replay strips: the message goes back as it was before it failed or expired. */
    public static final List<String> PROPERTIES = List.of(ORIGINAL_DESTINATION, ORIGINAL_SUBSCRIPTION,
            DELIVERY_ATTEMPTS, DEAD_LETTER_REASON, EXPIRED_AT);

    private DeadLetterNames() {
    }

    /** The name of the dead-letter queue of a queue, or of the subscriptions of a topic. */
    public static String deadLetterQueue(String queueOrTopicName) {
        return QUEUE_PREFIX + queueOrTopicName;
    }
}
