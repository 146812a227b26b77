package org.journalmq.jms.client;

import jakarta.jms.BytesMessage;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageListener;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

/** The simplified API's consumer: a MessageConsumer with runtime exceptions and receiveBody. */
final class JournalJMSConsumer implements JMSConsumer {

    private final JournalConsumer consumer;
    /** Made by a container's context: no message listener (sec. 12.2). */
    private final boolean inContainer;

    JournalJMSConsumer(JournalConsumer consumer, boolean inContainer) {
        this.consumer = consumer;
        this.inContainer = inContainer;
    }

    /**
     * JMSConsumer.get/setMessageListener javadoc: must not be used in a Jakarta EE web or EJB
     * application, may throw JMSRuntimeException; sec. 12.2 lists both. IllegalStateRuntimeException
     * is the JMSRuntimeException for a call the state forbids.
     */
    private void refuseInContainer(String method) {
        if (inContainer) {
            throw new IllegalStateRuntimeException("JMSConsumer." + method + " must not be called in a Jakarta EE"
                    + " web or EJB container (Jakarta Messaging 3.1 section 12.2); use a message-driven bean");
        }
    }

    @Override
    public String getMessageSelector() {
        return JournalContext.run(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        refuseInContainer("getMessageListener");
        return JournalContext.run(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        refuseInContainer("setMessageListener");
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
            if (m != null && !bodyReceivable(m, c)) {
                // CLIENT_ACKNOWLEDGE and transacted: the message counts as delivered (javadoc)
                throw new MessageFormatException("receiveBody cannot return the body of a "
                        + m.getClass().getSimpleName() + " as " + c.getName());
            }
            return m == null ? null : m.getBody(c);
        });
    }

    /**
     * JMSConsumer.receiveBody javadoc: "This method cannot be used to receive Message or
     * StreamMessage objects"; the other types only when their body is assignable to {@code c}.
     */
    static boolean bodyReceivable(Message m, Class<?> c) throws JMSException {
        boolean bodyType = m instanceof TextMessage || m instanceof BytesMessage || m instanceof MapMessage
                || m instanceof ObjectMessage;
        return bodyType && !(m instanceof StreamMessage) && m.isBodyAssignableTo(c);
    }
}
