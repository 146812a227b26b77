package org.journalmq.jms.transaction;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicSession;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.Journal;

/**
 * A connection that also makes XA sessions (XAConnection javadoc). Its plain
 * {@code createSession} methods make ordinary sessions, as for any connection.
 */
public class JournalXAConnection extends JournalConnection implements XAConnection, XAQueueConnection,
        XATopicConnection {

    /** Internal: for org.journalmq.jms. */
    public JournalXAConnection(Journal journal, JournalConnectionFactory.ProviderSettings settings) {
        super(journal, settings);
    }

    @Override
    public XASession createXASession() throws JMSException {
        return addSession(new JournalXASession(this));
    }

    @Override
    public XAQueueSession createXAQueueSession() throws JMSException {
        return addSession(new JournalXASession(this));
    }

    @Override
    public XATopicSession createXATopicSession() throws JMSException {
        return addSession(new JournalXASession(this));
    }
}
