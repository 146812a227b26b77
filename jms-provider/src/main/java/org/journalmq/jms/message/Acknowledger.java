package org.journalmq.jms.message;

import jakarta.jms.JMSException;

/**
 * Acknowledges, on behalf of a received message, everything its session has consumed so far.
 *
 * <p>Set by the provider on each delivered message ({@link JournalMessage#setAcknowledger}); the
 * session decides what {@code Message.acknowledge()} means for its acknowledge mode (a no-op for
 * transacted and auto-acknowledge sessions, as the spec requires). Kept as an interface so the
 * message classes need not know the session classes.
 */
@FunctionalInterface
public interface Acknowledger {

    /**
     * @throws JMSException as {@code Message.acknowledge()} documents, e.g.
     *         {@link jakarta.jms.IllegalStateException} when the session is closed
     */
    void acknowledge() throws JMSException;
}
