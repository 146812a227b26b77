package org.journalmq.jms.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.ArrayDeque;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.message.JournalMessage;
import org.journalmq.jms.message.MessageCodec;
import org.journalmq.jms.selector.Selector;
import org.journalmq.persistence.BrowsePosition;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.StoredMessage;

/**
 * A queue browser (spec 4.1.4 of JMS 1.1 / 3.1 "QueueBrowser"): pages through the ready rows in
 * delivery order without claiming them. Each enumeration reads the journal lazily, a page at a time.
 */
public class JournalBrowser implements QueueBrowser {

    private static final int PAGE = 100;

    private final JournalSession session;
    private final Queue queue;
    private final Selector selector;
    private volatile boolean closed;

    JournalBrowser(JournalSession session, Queue queue, Selector selector) {
        this.session = session;
        this.queue = queue;
        this.selector = selector;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("browser is closed");
        }
        session.checkOpen();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector == Selector.ALWAYS ? null : selector.text();
    }

    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        checkOpen();
        Pages pages = new Pages(((JournalDestination) queue).address());
        pages.fill(); // the first page now, so that journal failures surface here as JMSException
        return pages;
    }

    @Override
    public void close() {
        closeInternal();
    }

    void closeInternal() {
        closed = true;
        session.browserClosed(this);
    }

    private final class Pages implements Enumeration<Message> {
        private final String address;
        private final ArrayDeque<Message> buffer = new ArrayDeque<>();
        private BrowsePosition position;
        private boolean exhausted;

        Pages(String address) {
            this.address = address;
        }

        void fill() throws JMSException {
            while (buffer.isEmpty() && !exhausted && !closed) {
                List<StoredMessage> rows;
                try {
                    rows = session.journal().browse(address, position, PAGE);
                } catch (JournalException e) {
                    throw JmsExceptions.translate(e, "browse " + queue);
                }
                exhausted = rows.size() < PAGE;
                for (StoredMessage row : rows) {
                    position = BrowsePosition.after(row);
                    JournalMessage m = MessageCodec.decode(row.data());
                    Redeliveries.exposeExpiryOrigin(m, row);
                    session.useFilter(m);
                    m.markDelivered(row.deliveryCount() + 1);
                    if (selector.matches(m)) {
                        buffer.add(m);
                    }
                }
            }
        }

        @Override
        public boolean hasMoreElements() {
            try {
                fill();
            } catch (JMSException e) {
                return false; // Enumeration cannot throw checked exceptions; the browse ends
            }
            return !buffer.isEmpty();
        }

        @Override
        public Message nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException("no more messages in " + queue);
            }
            return buffer.poll();
        }
    }
}
