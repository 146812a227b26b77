package org.journalmq.jms.client;

import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.message.JournalMessage;
import org.journalmq.jms.message.MessageCodec;
import org.journalmq.jms.policy.PolicySettings.Policy;
import org.journalmq.jms.policy.PolicySettings;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.Release;
import org.journalmq.persistence.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the redelivery policy to deliveries that failed: gives them back with the policy's delay,
 * or, after the last allowed attempt, moves them to the dead-letter queue. A move is one journal
 * transaction that inserts the dead-letter copy and deletes the original by its claim token (id,
 * owner, delivery count): if the claim is no longer ours nothing happens at all, so a message is
 * never both redelivered and dead-lettered.
 *
 * <p>The copy is the original message re-encoded with its headers and properties unchanged plus
 * the {@link DeadLetters} properties; it does not expire (it waits for an operator) and starts as
 * never delivered.
 * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction.
 */
public final class Redeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(Redeliveries.class);
    /** Longest reason stored: a listener's exception message can be arbitrarily long. */
    private static final int MAX_REASON = 1_000;

    private Redeliveries() {
    }

    /**
     * Deliveries the application saw and did not acknowledge (rollback, recover, a listener that
     * threw, a session closed): redelivered after the policy's delay, or dead-lettered when they
     * used their last attempt. Never throws: what cannot be released returns when its lease expires.
     * <p>Internal: for org.journalmq.jms.transaction.
     */
    public static void failed(JournalSession session, List<Delivered> delivered, String reason) {
        List<Release> releases = new ArrayList<>(delivered.size());
        for (Delivered d : delivered) {
            Policy policy = policyOf(session, d.consumer());
            int attempts = d.row().deliveryCount(); // persisted at claim: this attempt included
            if (policy.redelivery().exhausted(attempts) && deadLetter(session, d, policy, attempts, reason)) {
                continue;
            }
            long delay = policy.redelivery().delayAfter(attempts, ThreadLocalRandom.current()::nextDouble);
            releases.add(new Release(d.row().id(), d.row().deliveryCount(), delay, true));
        }
        if (releases.isEmpty()) {
            return;
        }
        try {
            session.journal().release(releases);
        } catch (JournalException e) {
            LOG.warn("JMQ2004 could not release {} message(s), they return when their lease expires: {}",
                    releases.size(), e.getMessage());
        }
    }

    /**
     * Moves a delivery to its dead-letter queue at once, whatever attempts it has left: for a failure
     * that a redelivery would only repeat (an ObjectMessage body the filter refuses). When the move
     * fails the delivery goes back under the policy, and its next delivery tries again.
     */
    static void deadLetterNow(JournalSession session, Delivered d, String reason) {
        if (!deadLetter(session, d, policyOf(session, d.consumer()), d.row().deliveryCount(), reason)) {
            failed(session, List.of(d), reason);
        }
    }

    /**
     * Called for every claimed row before it is handed out. The count is persisted at claim, so a
     * row claimed with a count above the maximum was delivered that many times without being
     * acknowledged, released or dead-lettered: its consumers died (or their leases expired) on every
     * attempt. Such a row is moved to the dead-letter queue instead of being delivered.
     *
     * @return true when the row must not be delivered (moved, or given back after a failed move)
     */
    static boolean deadLetterIfExhausted(JournalSession session, JournalConsumer consumer, StoredMessage row) {
        Policy policy = policyOf(session, consumer);
        int failedAttempts = row.deliveryCount() - 1;
        if (!policy.redelivery().exhausted(failedAttempts)) {
            return false;
        }
        if (!deadLetter(session, new Delivered(row, consumer), policy, failedAttempts,
                DeadLetters.REASON_CONSUMER_CRASHED)) {
            try { // undelivered: the count goes back and the next claim tries the move again
                session.journal().release(List.of(new Release(row.id(), row.deliveryCount(), 0, false)));
            } catch (JournalException e) {
                LOG.debug("release after a failed dead-letter move did not happen; the lease expires", e);
            }
        }
        return true;
    }

    private static Policy policyOf(JournalSession session, JournalConsumer consumer) {
        return session.connection().settings().policies().forDestination(consumer.destination());
    }

    /**
     * Moves a claimed row to its dead-letter queue. True when the row is gone from its destination
     * (moved now, or no longer ours: its current holder decides); false when the journal failed.
     */
    private static boolean deadLetter(JournalSession session, Delivered d, Policy policy, int attempts,
                                      String reason) {
        StoredMessage row = d.row();
        JournalConsumer consumer = d.consumer();
        String why = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
        byte[] data;
        String messageId = null;
        try {
            JournalMessage m = MessageCodec.decode(row.data());
            messageId = m.getJMSMessageID();
            stamp(m, consumer, attempts, why);
            data = MessageCodec.encode(m);
        } catch (JMSException | RuntimeException e) {
            // Undecodable: moved as it is, so that an operator can look at the bytes.
            data = row.data();
        }
        NewMessage copy = new NewMessage(policy.deadLetterAddress(), row.priority(), 0, 0, row.groupId(), data);
        try {
            session.journal().deadLetter(row.ack(), copy);
        } catch (JournalException e) {
            if (e.kind() == JournalException.Kind.LEASE_LOST) {
                LOG.info("JMQ4002 message {} of {} was not dead-lettered: its lease was lost, another consumer"
                        + " holds it now", messageId, consumer.destination());
                return true;
            }
            LOG.warn("JMQ4003 could not move message {} of {} to dead-letter queue {}: {}", messageId,
                    consumer.destination(), policy.deadLetterQueue(), e.getMessage());
            return false;
        }
        LOG.warn("JMQ4001 moved message {} of {} to dead-letter queue {} after {} delivery attempts: {}",
                messageId, consumer.destination(), policy.deadLetterQueue(), attempts, why);
        return true;
    }

    /** Adds the {@link DeadLetters} properties; the decoded message's properties are still writable. */
    private static void stamp(JournalMessage m, JournalConsumer consumer, int attempts, String reason)
            throws JMSException {
        m.setStringProperty(DeadLetters.ORIGINAL_DESTINATION, consumer.destination().name());
        String subscription = Subscriptions.nameOf(consumer.address());
        if (subscription != null) {
            m.setStringProperty(DeadLetters.ORIGINAL_SUBSCRIPTION, subscription);
        }
        m.setIntProperty(DeadLetters.DELIVERY_ATTEMPTS, attempts);
        m.setStringProperty(DeadLetters.DEAD_LETTER_REASON, reason);
    }

    /**
     * Shows where a row moved by the expiry sweep came from, as the {@link DeadLetters} properties;
     * called on a freshly decoded message, before it is made read-only.
     * <p>Internal: for org.journalmq.jms.
     */
    public static void exposeExpiryOrigin(JournalMessage m, StoredMessage row) throws JMSException {
        if (!row.movedOnExpiry()) {
            return;
        }
        String origin = row.origin();
        String subscription = Subscriptions.nameOf(origin);
        boolean queue = origin.length() > 2 && origin.charAt(1) == ':'
                && (origin.charAt(0) == JournalDestination.Kind.QUEUE.tag()
                || origin.charAt(0) == JournalDestination.Kind.TEMPORARY_QUEUE.tag());
        String name = queue ? origin.substring(2)
                : m.getJMSDestination() instanceof JournalDestination sent ? sent.name() : origin;
        m.setStringProperty(DeadLetters.ORIGINAL_DESTINATION, name);
        if (subscription != null) {
            m.setStringProperty(DeadLetters.ORIGINAL_SUBSCRIPTION, subscription);
        }
        m.setLongProperty(DeadLetters.EXPIRED_AT, row.expiredAt());
    }
}
