package org.journalmq.jms.admin;

/**
 * A queue or a topic subscription, registered as {@code org.journalmq:type=Queue,factory=F,name=N}
 * or {@code org.journalmq:type=Subscription,factory=F,topic=T,name=N} (see README, "JMX").
 * Figures come from a journal snapshot at most one second old; the enqueue and ack counts are
 * those of this JVM since its journal opened, the journal ones those of every JVM.
 */
public interface DestinationMXBean {
    String getName();

    /** queue, temporary-queue or subscription. */
    String getType();

    /** The topic of a subscription, empty for a queue. */
    String getTopic();

    long getDepth();

    long getReady();

    long getInFlight();

    long getScheduled();

    String getDeadLetterQueue();

    long getDeadLetterDepth();

    long getOldestMessageAgeMillis();

    int getConsumerCount();

    /**
     * The names of the figures above that are estimates ({@link DestinationFigures#estimated()}:
     * depth, ready, inFlight, scheduled, dlqDepth, oldestAgeMs), sorted; empty when all are counts.
     */
    String[] getEstimatedFigures();

    long getEnqueueCount();

    long getAckCount();

    /**
     * Sends to it by every JVM of the journal (for a subscription: publications to its topic), as of
     * each JVM's last heartbeat (lease / 3), including JVMs that closed or died.
     */
    long getJournalEnqueueCount();

    /** Acknowledgements from it by every JVM of the journal, as of each JVM's last heartbeat. */
    long getJournalAckCount();

    /** Sends by this JVM that carried a known duplicate id (JMS_JournalMQ_DuplicateID) and stored nothing. */
    long getDuplicateCount();

    /** Deletes every message of this destination; returns how many. */
    long purge();

    /**
     * Replays messages of its dead-letter queue to their original destinations, atomically per
     * batch; for a subscription only those that came from it. Returns how many moved.
     *
     * @param selector a JMS message selector, or empty for all
     * @param limit    at most this many; 0 for all
     */
    long replayDeadLetters(String selector, long limit);
}
