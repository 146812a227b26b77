package org.journalmq.jms.client;

import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.journalmq.jms.acl.AccessChecks;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.audit.Audit;
import org.journalmq.jms.message.MessageCodec;
import org.journalmq.jms.selector.Selector;
import org.journalmq.persistence.AccessGrant;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.Publication;
import org.journalmq.persistence.Subscription;

/**
 * How the facade maps JMS subscriptions onto the journal (spec 6.11, 8.3): the journal address of
 * each kind of subscription, the opaque noLocal tags, and the per-subscription filter a
 * publication carries, which evaluates each subscription's selector (parsed once per JVM) and
 * noLocal at publish.
 *
 * <p>Addresses: durable (shared or not) {@code D:<client>:<name>}; shared non-durable
 * {@code S:<client>:<name>}; unshared non-durable {@code N:<uuid>}. {@code <client>} is the
 * client ID prefixed with its length (so that no client ID and name pair can spell another one),
 * or {@code -} when unset. Durable shared and unshared subscriptions share one namespace, as the
 * spec requires them to (a name may not be both).
 */
final class Subscriptions {

    static final int MAX_NAME_LENGTH = 150;
    private static final int MAX_CACHED_SELECTORS = 10_000;
    /** Parsed selectors by text; a publishing JVM parses each subscription's selector once. */
    private static final Map<String, Selector> SELECTORS = new ConcurrentHashMap<>();

    private Subscriptions() {
    }

    /**
     * Creates or joins a subscription and a consumer on it. {@code name} is null for an unshared
     * non-durable subscription (one per consumer).
     */
    static JournalTopicSubscriber subscribe(JournalSession session, Destination topic, String messageSelector,
                                            boolean noLocal, String name, boolean durable, boolean shared)
            throws JMSException {
        JournalConnection connection = session.connection();
        if (topic == null) {
            throw new InvalidDestinationException("topic is null");
        }
        JournalDestination d = JournalDestination.from(topic);
        if (d.kind() == JournalDestination.Kind.TEMPORARY_TOPIC) {
            if (durable) {
                throw new InvalidDestinationException("a durable subscription cannot be made on temporary topic " + d);
            }
            if (!connection.ownsTemporary(d)) {
                Audit.temporaryRefused(connection.journal().config(), "consume from", "temporary topic " + d.name());
                throw new InvalidDestinationException("temporary topic " + d.name()
                        + " belongs to another connection or was deleted: only its own connection may consume from it");
            }
        } else if (d.kind() != JournalDestination.Kind.TOPIC) {
            throw new InvalidDestinationException("not a topic: " + d);
        } else {
            // issue 15 item 1: every kind of subscription is consumed under its topic's pattern
            AccessChecks.require(session.journal(), AccessGrant.Operation.CONSUME, d, "subscribe to");
        }
        if (name != null || durable || shared) {
            checkName(name);
        }
        Selector selector = Selector.parse(messageSelector);
        if (selector != Selector.ALWAYS && selector.text().indexOf('\u0000') >= 0) {
            // The subscription's selector is stored as text, which PostgreSQL refuses with a NUL in
            // it; refused on every journal alike, for every topic consumer (a queue consumer keeps its
            // selector in memory).
            throw new InvalidSelectorException("a subscription's selector cannot hold a NUL character (U+0000),"
                    + " at index " + selector.text().indexOf('\u0000') + ": it is stored in the journal");
        }
        String clientId = connection.clientIdForSubscriptions();
        if (durable && !shared && clientId == null) {
            throw new IllegalStateException("an unshared durable subscription needs a client ID: set one on the"
                    + " connection or its factory (spec 6.11.1)");
        }
        String address = durable ? durableAddress(clientId, name)
                : shared ? sharedAddress(clientId, name) : privateAddress();
        String noLocalTag = !noLocal ? null
                : durable && clientId != null ? clientTag(clientId) : connection.noLocalTag();
        Subscription subscription = new Subscription(address, d.address(),
                selector == Selector.ALWAYS ? null : selector.text(), noLocalTag, durable, shared);
        String consumerId = UUID.randomUUID().toString();
        try {
            session.journal().subscribe(subscription, consumerId);
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "subscribe to " + d + (name == null ? "" : " as '" + name + "'"));
        }
        return new JournalTopicSubscriber(session, d, selector, address, noLocal, consumerId);
    }

    static String durableAddress(String clientId, String name) {
        return "D:" + client(clientId) + ":" + name;
    }

    static String sharedAddress(String clientId, String name) {
        return "S:" + client(clientId) + ":" + name;
    }

    static String privateAddress() {
        return "N:" + UUID.randomUUID();
    }

    /**
     * The subscription name in a durable or shared subscription address ({@code D:}/{@code S:}
     * followed by "-" or "length.clientID", ":" and the name); null for any other address.
     */
    static String nameOf(String address) {
        if (address == null || address.length() < 4 || address.charAt(1) != ':'
                || (address.charAt(0) != 'D' && address.charAt(0) != 'S')) {
            return null;
        }
        int at = 2;
        if (address.charAt(at) == '-') {
            at += 1;
        } else {
            int dot = address.indexOf('.', at);
            if (dot < 0) {
                return null;
            }
            try {
                at = dot + 1 + Integer.parseInt(address.substring(at, dot));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return at < address.length() && address.charAt(at) == ':' ? address.substring(at + 1) : null;
    }

    private static String client(String clientId) {
        return clientId == null ? "-" : clientId.length() + "." + clientId;
    }

    /** Spec 6.11: a subscription name is required for durable and shared subscriptions. */
    static void checkName(String name) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("subscription name is " + (name == null ? "null" : "empty"));
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidDestinationException("subscription name is longer than " + MAX_NAME_LENGTH
                    + " characters");
        }
        // PostgreSQL text cannot hold NUL, and the other control characters only hide a name in
        // logs and the CLI: refused on every journal alike, as in destination names.
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new InvalidDestinationException("subscription name has a control character at index " + i
                        + ": '" + name.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
    }

    /** A durable noLocal subscription ignores every connection with its client ID (JMS 2.0 javadoc of createDurableConsumer). */
    static String clientTag(String clientId) {
        return "c:" + clientId;
    }

    /** The publication of {@code row} by {@code connection}. */
    static Publication publication(NewMessage row, JournalConnection connection) {
        String own = connection.noLocalTag();
        String clientId = connection.clientIdForSubscriptions();
        String ownClient = clientId == null ? null : clientTag(clientId);
        return new Publication(row, new Filter(row.data(), own, ownClient));
    }

    /** Evaluated on the journal's writer thread, once per subscription of the topic. */
    private static final class Filter implements Predicate<Subscription> {
        private final byte[] data;
        private final String ownTag;
        private final String ownClientTag;
        private Message decoded;
        private boolean undecodable;

        Filter(byte[] data, String ownTag, String ownClientTag) {
            this.data = data;
            this.ownTag = ownTag;
            this.ownClientTag = ownClientTag;
        }

        @Override
        public synchronized boolean test(Subscription s) {
            String tag = s.noLocalTag();
            if (tag != null && (tag.equals(ownTag) || tag.equals(ownClientTag))) {
                return false;
            }
            if (s.selector() == null) {
                return true;
            }
            Selector selector = selector(s.selector());
            Message m = message();
            return selector != null && m != null && selector.matches(m);
        }

        /** Decoded at most once per publication, and only when a subscription has a selector. */
        private Message message() {
            if (decoded == null && !undecodable) {
                try {
                    decoded = MessageCodec.decode(data);
                } catch (JMSException e) {
                    undecodable = true;
                }
            }
            return decoded;
        }
    }

    /** The parsed selector, or null when the stored text does not parse (it then matches nothing). */
    static Selector selector(String text) {
        Selector cached = SELECTORS.get(text);
        if (cached != null) {
            return cached;
        }
        try {
            Selector parsed = Selector.parse(text);
            if (SELECTORS.size() >= MAX_CACHED_SELECTORS) {
                SELECTORS.clear(); // crude bound; selectors are few in practice
            }
            SELECTORS.put(text, parsed);
            return parsed;
        } catch (JMSException e) {
            return null;
        }
    }
}
