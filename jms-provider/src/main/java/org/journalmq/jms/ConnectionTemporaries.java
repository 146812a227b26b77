package org.journalmq.jms;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary destinations one connection created and has not deleted yet (JMS 3.1 §4.1.5 and
 * §6.2.4: a temporary destination lives as long as its connection). Each is recorded in the journal
 * with this JVM's client as owner, so that the maintenance of any live JVM removes it and its
 * messages if this JVM dies without closing the connection.
 */
final class ConnectionTemporaries {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTemporaries.class);

    private final Journal journal;
    private final Set<JournalDestination> owned = ConcurrentHashMap.newKeySet();

    ConnectionTemporaries(Journal journal) {
        this.journal = journal;
    }

    /** Records a new temporary destination in the journal and as this connection's. */
    <T extends JournalTemporaryDestination> T register(T destination) throws JMSException {
        try {
            journal.createTemporary(destination.address());
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "create " + destination);
        }
        owned.add(destination);
        return destination;
    }

    boolean owns(JournalDestination d) {
        return owned.contains(d);
    }

    /**
     * A send to a temporary destination that no longer exists (deleted, or its connection closed or
     * died) is refused: MessageProducer.send / JMSProducer.send javadoc, InvalidDestinationException
     * "if a client uses this method with an invalid destination". Its messages could never be consumed.
     */
    void checkSendable(JournalDestination d) throws JMSException {
        if (!(d instanceof JournalTemporaryDestination t) || owned.contains(d)) {
            return;
        }
        boolean exists;
        try {
            exists = journal.temporaryExists(d.address());
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "send to " + d);
        }
        if (!exists) {
            throw new InvalidDestinationException("temporary " + t.domain() + " " + d.name()
                    + " no longer exists: it was deleted, or the connection that created it was closed or its JVM died");
        }
    }

    /** Deletes one; the caller has checked that no consumer of the connection uses it. */
    void delete(JournalDestination destination) throws JMSException {
        if (!owned.remove(destination)) {
            throw new InvalidDestinationException("temporary destination " + destination + " was already deleted");
        }
        try {
            journal.deleteTemporary(destination.address());
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "delete " + destination);
        }
    }

    /** At close: deletes every one left; what fails here, the journal's maintenance removes later. */
    void deleteAll() {
        for (JournalDestination d : owned) {
            try {
                journal.deleteTemporary(d.address());
            } catch (JournalException e) {
                LOG.warn("JMQ2003 could not remove temporary destination {}; maintenance removes it: {}", d, e.getMessage());
            }
        }
        owned.clear();
    }
}
