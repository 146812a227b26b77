package org.journalmq.jms;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** The simplified API's consumer: a MessageConsumer with runtime exceptions and receiveBody. */
final class JournalJMSConsumer implements JMSConsumer {

    private final JournalConsumer consumer;

    JournalJMSConsumer(JournalConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return JournalContext.run(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        return JournalContext.run(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        JournalContext.run(() -> {
            consumer.setMessageListener(listener);
            return null;
        });
    }

    @Override
    public Message receive() {
        return JournalContext.run(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return JournalContext.run(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return JournalContext.run(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        JournalContext.run(() -> {
            consumer.close();
            return null;
        });
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return body(c, 0, false);
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return body(c, timeout, false);
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return body(c, 0, true);
    }

    private <T> T body(Class<T> c, long timeout, boolean noWait) {
        return JournalContext.run(() -> {
            Message m = consumer.receive(timeout, noWait, c);
            return m == null ? null : m.getBody(c);
        });
    }
}
