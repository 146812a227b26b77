package org.journalmq.examples;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the message-driven beans received, so that a test (or a status page) can look. Bean-managed
 * concurrency: MDB instances write while callers read.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Inbox {

    /** One delivery as the bean saw it. */
    public record Received(String text, int deliveryCount, boolean redelivered) implements java.io.Serializable {
    }

    private final Map<String, List<Received>> byListener = new ConcurrentHashMap<>();

    public void record(String listener, Message m) {
        try {
            String text = m instanceof TextMessage t ? t.getText() : m.getJMSMessageID();
            byListener.computeIfAbsent(listener, k -> new CopyOnWriteArrayList<>())
                    .add(new Received(text, m.getIntProperty("JMSXDeliveryCount"), m.getJMSRedelivered()));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read a received message", e);
        }
    }

    public List<Received> received(String listener) {
        return new ArrayList<>(byListener.getOrDefault(listener, List.of()));
    }

    public int count(String listener) {
        return byListener.getOrDefault(listener, List.of()).size();
    }

    public void clear(String listener) {
        byListener.remove(listener);
    }
}
