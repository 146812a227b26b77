package org.journalmq.jms.client;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.message.ForeignMessages;
import org.journalmq.jms.message.JournalMessage;
import org.journalmq.jms.message.MessageCodec;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.NewMessage;

/**
 * A message on its way out: the send parameters are checked, the headers the provider owns are
 * set on the application's message object (spec 3.4.11, also for another provider's message), and
 * the message is serialized at once, so that later changes by the application do not reach it.
 */
final class OutboundMessage {

    private final Message message;
    private final JournalDestination destination;
    private final boolean persistent;
    private final int priority;
    private final long timeToLive;
    private final long deliveryDelay;
    private final String groupId;
    private final String duplicateId;
    private final byte[] data;

    private OutboundMessage(Message message, JournalDestination destination, boolean persistent, int priority,
                            long timeToLive, long deliveryDelay, String groupId, String duplicateId, byte[] data) {
        this.duplicateId = duplicateId;
        this.message = message;
        this.destination = destination;
        this.persistent = persistent;
        this.priority = priority;
        this.timeToLive = timeToLive;
        this.deliveryDelay = deliveryDelay;
        this.groupId = groupId;
        this.data = data;
    }

    static void checkDeliveryMode(int deliveryMode) throws JMSException {
        if (deliveryMode != DeliveryMode.PERSISTENT && deliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("invalid delivery mode " + deliveryMode
                    + ": use DeliveryMode.PERSISTENT (2) or DeliveryMode.NON_PERSISTENT (1)");
        }
    }

    static void checkPriority(int priority) throws JMSException {
        if (priority < 0 || priority > 9) {
            throw new JMSException("invalid priority " + priority + ": must be 0 to 9");
        }
    }

    static void checkTimeToLive(long timeToLive) throws JMSException {
        if (timeToLive < 0) {
            throw new JMSException("invalid time to live " + timeToLive + ": must be 0 (unlimited) or more");
        }
    }

    static void checkDeliveryDelay(long deliveryDelay) throws JMSException {
        if (deliveryDelay < 0) {
            throw new JMSException("invalid delivery delay " + deliveryDelay + ": must be 0 or more");
        }
    }

    /** Stamps and serializes {@code message} for sending to {@code destination}. */
    static OutboundMessage prepare(JournalConnection connection, JournalDestination destination, Message message,
                                   int deliveryMode, int priority, long timeToLive, long deliveryDelay,
                                   boolean disableMessageId, boolean disableTimestamp) throws JMSException {
        if (message == null) {
            throw new MessageFormatException("message is null");
        }
        checkDeliveryMode(deliveryMode);
        checkPriority(priority);
        checkTimeToLive(timeToLive);
        checkDeliveryDelay(deliveryDelay);
        long now = System.currentTimeMillis();
        String id = disableMessageId ? null : connection.nextMessageId();
        stamp(message, destination, deliveryMode, priority, timeToLive, deliveryDelay, disableTimestamp, now, id);
        JournalMessage own;
        if (message instanceof JournalMessage jm) {
            own = jm;
        } else {
            own = ForeignMessages.copyOf(message);
            stamp(own, destination, deliveryMode, priority, timeToLive, deliveryDelay, disableTimestamp, now, id);
        }
        String group = own.propertyExists("JMSXGroupID") ? own.getStringProperty("JMSXGroupID") : null;
        byte[] data = MessageCodec.encode(own);
        checkSize(data.length, connection.settings().maxMessageSize(), destination);
        return new OutboundMessage(message, destination, deliveryMode == DeliveryMode.PERSISTENT, priority,
                timeToLive, deliveryDelay, group, duplicateId(own), data);
    }

    /**
     * The one check of maxMessageSize (issue 13): on the encoded form, body and properties, since
     * that is what the journal stores; before anything is queued for writing, so a refused send
     * leaves no trace in the journal and no transaction of the session is touched.
     */
    static void checkSize(int encoded, int limit, JournalDestination destination) throws JMSException {
        if (encoded > limit) {
            throw new JMSException("message of " + encoded + " bytes (encoded body and properties) to " + destination
                    + " exceeds maxMessageSize of " + limit + " bytes; raise maxMessageSize or send a smaller message",
                    JmsExceptions.MESSAGE_TOO_LARGE);
        }
    }

    /**
     * The application's duplicate id (issue 16): a String property of 1 to 255 characters, or absent.
     * Checked here so that a bad one fails the send that carries it, not a group commit.
     */
    private static String duplicateId(JournalMessage m) throws JMSException {
        Object value = m.getObjectProperty(JournalConnectionFactory.DUPLICATE_ID_PROPERTY);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String id)) {
            throw new MessageFormatException("property " + JournalConnectionFactory.DUPLICATE_ID_PROPERTY
                    + " must be a String, was a " + value.getClass().getSimpleName());
        }
        if (id.isEmpty() || id.length() > MAX_DUPLICATE_ID) {
            throw new MessageFormatException("property " + JournalConnectionFactory.DUPLICATE_ID_PROPERTY
                    + " must be 1 to " + MAX_DUPLICATE_ID + " characters long, was " + id.length());
        }
        return id;
    }

    /** The journal's column size for a duplicate id. */
    private static final int MAX_DUPLICATE_ID = 255;

    private static void stamp(Message m, JournalDestination destination, int deliveryMode, int priority,
                              long timeToLive, long deliveryDelay, boolean disableTimestamp, long now, String id)
            throws JMSException {
        m.setJMSDestination(destination);
        m.setJMSDeliveryMode(deliveryMode);
        m.setJMSPriority(priority);
        m.setJMSTimestamp(disableTimestamp ? 0 : now);
        m.setJMSExpiration(timeToLive == 0 ? 0 : now + timeToLive);
        m.setJMSDeliveryTime(now + deliveryDelay);
        m.setJMSMessageID(id);
        m.setJMSRedelivered(false);
    }

    /** The journal row; times are moved onto the journal clock. */
    NewMessage toRow(Journal journal) {
        return toRow(journal, null);
    }

    /**
     * The journal row; times are moved onto the journal clock. {@code expiryAddress} is where the
     * expiry sweep moves the message if it expires (null: deleted); only kept when it can expire.
     */
    NewMessage toRow(Journal journal, String expiryAddress) {
        long jnow = journal.now();
        return new NewMessage(destination.address(), priority, deliveryDelay == 0 ? 0 : jnow + deliveryDelay,
                timeToLive == 0 ? 0 : jnow + timeToLive, groupId, data, timeToLive == 0 ? null : expiryAddress,
                duplicateId);
    }

    Message message() {
        return message;
    }

    JournalDestination destination() {
        return destination;
    }

    boolean persistent() {
        return persistent;
    }
}
