package org.journalmq.jms.admin;

import org.journalmq.jms.DeadLetters;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.JournalQueue;
import org.journalmq.jms.JournalTopic;
import org.journalmq.jms.message.JournalMessage;
import org.journalmq.jms.message.MessageCodec;
import org.journalmq.jms.selector.Selector;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.BrowsePosition;
import org.journalmq.persistence.ClaimRequest;
import org.journalmq.persistence.ClaimResult;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.Release;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.Subscription;
import org.journalmq.persistence.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves messages between destinations in atomic batches: a batch is claimed from the source (a
 * lease, so a concurrent move or consumer cannot take the same rows), then its copies are sent and
 * the claimed rows acknowledged in ONE unit of work. Two racing moves therefore never move a
 * message twice, and a crash between claim and commit leaves the rows on the source, where the
 * lease expiry gives them back.
 */
final class MessageMover {
    private static final Logger LOG = LoggerFactory.getLogger(MessageMover.class);

    private final Journal journal;

    MessageMover(Journal journal) {
        this.journal = journal;
    }

    long move(MoveRequest request) throws JMSException {
        Selector selector = Selector.parse(request.selector()); // InvalidSelectorException before any change
        String from = queueAddress(request.fromQueue());
        JournalQueue to = request.toQueue() == null ? null : new JournalQueue(checkedQueue(request.toQueue()));
        Predicate<StoredMessage> filter = selector == Selector.ALWAYS ? null : row -> matches(selector, row);
        long moved = 0;
        BrowsePosition position = null;
        Map<String, String> subscriptionAddresses = new HashMap<>();
        while (request.limit() <= 0 || moved < request.limit()) {
            int batch = (int) Math.min(request.batchSize(),
                    request.limit() <= 0 ? Long.MAX_VALUE : request.limit() - moved);
            List<StoredMessage> claimed;
            try {
                if (filter == null) {
                    claimed = journal.claim(ClaimRequest.of(from, batch));
                } else {
                    ClaimResult r = journal.claimScan(new ClaimRequest(from, batch, filter, position, 0, 9));
                    claimed = r.claimed();
                    position = r.resumeAfter();
                }
            } catch (JournalException e) {
                throw JmsExceptions.translate(e, "claim from " + request.fromQueue());
            }
            if (claimed.isEmpty()) {
                if (position != null) {
                    continue; // the scan stopped in a stretch of non-matching rows: go on from there
                }
                break;
            }
            List<NewMessage> copies = new ArrayList<>(claimed.size());
            List<Ack> acks = new ArrayList<>(claimed.size());
            try {
                for (StoredMessage row : claimed) {
                    NewMessage copy = copy(row, to, request.replay(), subscriptionAddresses);
                    if (copy.destination().equals(from)) {
                        // it would be claimed again by this very move, round after round
                        throw new InvalidDestinationException("message " + row.id() + " would move onto its own queue "
                                + request.fromQueue() + ": name another target queue");
                    }
                    copies.add(copy);
                    acks.add(row.ack());
                }
                journal.writeAndWait(new UnitOfWork(copies, acks));
            } catch (JMSException | RuntimeException e) {
                giveBack(claimed);
                if (e instanceof JournalException je) {
                    throw JmsExceptions.translate(je, "move from " + request.fromQueue());
                }
                throw e;
            }
            moved += claimed.size();
            if (request.progress() != null) {
                request.progress().accept(moved);
            }
        }
        LOG.info("JMQ5004 moved {} message(s) from queue {} to {}{}", moved, request.fromQueue(),
                to == null ? "their original destinations" : "queue " + to.getQueueName(),
                request.replay() ? " (dead-letter replay)" : "");
        return moved;
    }

    /** Rows of a failed batch go back unchanged (count restored): nobody saw them. */
    private void giveBack(List<StoredMessage> claimed) {
        List<Release> releases = claimed.stream()
                .map(r -> new Release(r.id(), r.deliveryCount(), 0, false)).toList();
        try {
            journal.release(releases);
        } catch (JournalException e) {
            LOG.warn("JMQ5005 could not give back {} claimed message(s); they return when their lease expires: {}",
                    releases.size(), e.getMessage());
        }
    }

    private NewMessage copy(StoredMessage row, JournalQueue to, boolean replay, Map<String, String> subscriptions)
            throws JMSException {
        JournalMessage m = DeadLetters.decode(row);
        String address;
        JournalDestination destination;
        if (to != null) {
            destination = to;
            address = to.address();
        } else {
            String original = stringProperty(m, DeadLetters.ORIGINAL_DESTINATION);
            if (original == null) {
                throw new InvalidDestinationException("message " + m.getJMSMessageID() + " has no "
                        + DeadLetters.ORIGINAL_DESTINATION + " property: name the target queue instead");
            }
            String subscription = stringProperty(m, DeadLetters.ORIGINAL_SUBSCRIPTION);
            if (subscription != null) {
                destination = new JournalTopic(original);
                address = subscriptions.computeIfAbsent(original + "\u0000" + subscription,
                        k -> subscriptionAddress(original, subscription));
                if (address == null) {
                    throw new InvalidDestinationException("message " + m.getJMSMessageID() + " came from subscription '"
                            + subscription + "' of topic '" + original + "', which no longer exists: name a target queue");
                }
            } else {
                destination = new JournalQueue(checkedQueue(original));
                address = destination.address();
            }
        }
        if (replay) {
            stripDeadLetterProperties(m);
        }
        m.setJMSDestination(destination);
        // The copy is due at once and keeps its priority, expiry and group; its delivery count
        // starts again at zero: a replayed message gets its full set of attempts back.
        return new NewMessage(address, row.priority(), 0, row.expiresAt(), row.groupId(), MessageCodec.encode(m));
    }

    /** The address of a topic's subscription given by address or by name, or null. */
    private String subscriptionAddress(String topic, String subscription) {
        for (Subscription s : journal.subscriptions(new JournalTopic(topic).address())) {
            if (s.address().equals(subscription) || FiguresBuilder.subscriptionName(s.address()).equals(subscription)) {
                return s.address();
            }
        }
        return null;
    }

    private static void stripDeadLetterProperties(JournalMessage m) throws JMSException {
        Map<String, Object> kept = new HashMap<>();
        for (Enumeration<?> names = m.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (!DeadLetters.PROPERTIES.contains(name)) {
                kept.put(name, m.getObjectProperty(name));
            }
        }
        m.clearProperties();
        for (Map.Entry<String, Object> e : kept.entrySet()) {
            m.setObjectProperty(e.getKey(), e.getValue());
        }
    }

    private static String stringProperty(JournalMessage m, String name) throws JMSException {
        Object v = m.getObjectProperty(name);
        return v == null ? null : v.toString();
    }

    /** A row that cannot be decoded matches no selector: it stays where it is. */
    private static boolean matches(Selector selector, StoredMessage row) {
        try {
            return selector.matches(DeadLetters.decode(row));
        } catch (JMSException e) {
            return false;
        }
    }

    static String queueAddress(String name) throws InvalidDestinationException {
        return new JournalQueue(checkedQueue(name)).address();
    }

    static String checkedQueue(String name) throws InvalidDestinationException {
        JournalDestination.checkName(name, JournalDestination.Kind.QUEUE);
        return name;
    }
}
