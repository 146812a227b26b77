package org.journalmq.jms;

import jakarta.jms.JMSException;

/** The connection that created a temporary destination. */
interface TemporaryOwner {
    void deleteTemporary(JournalDestination destination) throws JMSException;
}
