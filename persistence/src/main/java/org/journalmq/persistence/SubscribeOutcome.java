package org.journalmq.persistence;

/** What {@link Journal#subscribe} did with the subscription. */
public enum SubscribeOutcome {
    /** It did not exist and was created. */
    CREATED,
    /** It existed with the same definition; the consumer was attached to it. */
    ATTACHED,
    /** It existed with another topic, selector or noLocal and no consumer: deleted with its messages and recreated. */
    REPLACED
}
