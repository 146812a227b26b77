package org.journalmq.jms.it.child;

/**
 * The soak's traffic, one lane per way of consuming (issue 13 item 4). Each lane has one acknowledge
 * mode, so the checker can count per mode and apply that mode's rule. Producers of one destination
 * feed several lanes: the selector lanes split one queue by the "color" property, and each topic
 * message is expected once per subscription.
 */
public enum SoakLane {
    /** Queue, AUTO_ACKNOWLEDGE, synchronous receive with a selector. */
    AUTO_QUEUE_SELECTOR(Mode.AUTO, "soak.sel", false, "color = 'red'", null),
    /** Queue, CLIENT_ACKNOWLEDGE, acknowledge() every few messages, with a selector. */
    CLIENT_QUEUE_SELECTOR(Mode.CLIENT, "soak.sel", false, "color = 'blue'", null),
    /** Queue, transacted session: sent in transactions of 5, consumed in transactions of 3. */
    TX_QUEUE(Mode.TRANSACTED, "soak.tx", false, null, null),
    /** Topic, shared durable subscription consumed by every worker, DUPS_OK_ACKNOWLEDGE. */
    DUPS_SHARED_TOPIC(Mode.DUPS_OK, "soak.topic", true, null, "soak-shared"),
    /** Topic, unshared durable subscription (one client id, worker 0 only), AUTO with a MessageListener. */
    AUTO_DURABLE_TOPIC(Mode.AUTO, "soak.topic", true, null, "soak-durable"),
    /** Queue, each message consumed in a Narayana JTA transaction with a PostgreSQL business row (2PC). */
    XA_QUEUE(Mode.XA, "soak.xa", false, null, null);

    /** The client id of the unshared durable subscription's connection. */
    public static final String DURABLE_CLIENT_ID = "soak-durable-owner";

    /** Acknowledge modes as the report groups them (Jakarta Messaging 3.1 §6.2.10, §6.2.7; XA: §6.2.8). */
    public enum Mode { AUTO, CLIENT, DUPS_OK, TRANSACTED, XA }

    public final Mode mode;
    public final String destination;
    public final boolean topic;
    public final String selector;
    public final String subscription;

    SoakLane(Mode mode, String destination, boolean topic, String selector, String subscription) {
        this.mode = mode;
        this.destination = destination;
        this.topic = topic;
        this.selector = selector;
        this.subscription = subscription;
    }
}
