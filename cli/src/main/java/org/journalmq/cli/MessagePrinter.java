package org.journalmq.cli;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** How {@code receive} shows a message: the body alone, or headers, properties and body. */
public final class MessagePrinter {

    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private MessagePrinter() {
    }

    static void print(Message m, int ordinal, boolean verbose, PrintWriter out) throws JMSException {
        if (!verbose) {
            out.println(body(m));
            return;
        }
        out.println("--- message " + ordinal);
        out.println("JMSMessageID: " + m.getJMSMessageID());
        out.println("JMSDestination: " + m.getJMSDestination());
        out.println("JMSTimestamp: " + instant(m.getJMSTimestamp()));
        out.println("JMSDeliveryMode: " + (m.getJMSDeliveryMode() == jakarta.jms.DeliveryMode.PERSISTENT
                ? "PERSISTENT" : "NON_PERSISTENT"));
        out.println("JMSPriority: " + m.getJMSPriority());
        out.println("JMSExpiration: " + instant(m.getJMSExpiration()));
        out.println("JMSDeliveryTime: " + instant(m.getJMSDeliveryTime()));
        out.println("JMSRedelivered: " + m.getJMSRedelivered());
        out.println(DELIVERY_COUNT + ": " + m.getObjectProperty(DELIVERY_COUNT));
        printIfSet(out, "JMSCorrelationID", m.getJMSCorrelationID());
        printIfSet(out, "JMSType", m.getJMSType());
        printIfSet(out, "JMSReplyTo", m.getJMSReplyTo());
        for (String name : propertyNames(m)) {
            if (name.equals(DELIVERY_COUNT)) {
                continue; // shown with the headers
            }
            out.println("property " + name + ": " + m.getObjectProperty(name));
        }
        out.println("body: " + body(m));
    }

    /** A message as a JSON object (browse --json, dlq list --json): headers, properties and body. */
    public static java.util.Map<String, Object> json(Message m) throws JMSException {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("messageId", m.getJMSMessageID());
        o.put("destination", String.valueOf(m.getJMSDestination()));
        o.put("timestamp", m.getJMSTimestamp());
        o.put("deliveryMode", m.getJMSDeliveryMode() == jakarta.jms.DeliveryMode.PERSISTENT
                ? "PERSISTENT" : "NON_PERSISTENT");
        o.put("priority", m.getJMSPriority());
        o.put("expiration", m.getJMSExpiration());
        o.put("deliveryTime", m.getJMSDeliveryTime());
        o.put("redelivered", m.getJMSRedelivered());
        o.put("correlationId", m.getJMSCorrelationID());
        o.put("type", m.getJMSType());
        o.put("replyTo", m.getJMSReplyTo() == null ? null : m.getJMSReplyTo().toString());
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (String name : propertyNames(m)) {
            Object v = m.getObjectProperty(name);
            properties.put(name, v instanceof Character || v instanceof byte[] ? String.valueOf(v) : v);
        }
        o.put("properties", properties);
        o.put("bodyType", bodyType(m));
        o.put("body", body(m));
        return o;
    }

    private static String bodyType(Message m) {
        if (m instanceof TextMessage) {
            return "text";
        }
        if (m instanceof BytesMessage) {
            return "bytes";
        }
        if (m instanceof MapMessage) {
            return "map";
        }
        if (m instanceof ObjectMessage) {
            return "object";
        }
        return m instanceof StreamMessage ? "stream" : "none";
    }

    /** Bodies that are not text are summarised; an ObjectMessage is never deserialized (unsafe). */
    static String body(Message m) throws JMSException {
        if (m instanceof TextMessage t) {
            return t.getText() == null ? "" : t.getText();
        }
        if (m instanceof BytesMessage b) {
            return "[BytesMessage, " + b.getBodyLength() + " bytes]";
        }
        if (m instanceof MapMessage map) {
            StringBuilder s = new StringBuilder("{");
            for (String name : sorted(map.getMapNames())) {
                s.append(s.length() > 1 ? ", " : "").append(name).append('=').append(map.getObject(name));
            }
            return s.append('}').toString();
        }
        if (m instanceof ObjectMessage) {
            return "[ObjectMessage, not deserialized]";
        }
        if (m instanceof StreamMessage) {
            return "[StreamMessage]";
        }
        return "[Message without body]";
    }

    private static String instant(long millis) {
        return millis == 0 ? "0 (none)" : millis + " (" + Instant.ofEpochMilli(millis) + ")";
    }

    private static void printIfSet(PrintWriter out, String header, Object value) {
        if (value != null) {
            out.println(header + ": " + value);
        }
    }

    private static List<String> propertyNames(Message m) throws JMSException {
        return sorted(m.getPropertyNames());
    }

    private static List<String> sorted(Enumeration<?> names) {
        List<String> list = new ArrayList<>();
        while (names.hasMoreElements()) {
            list.add(String.valueOf(names.nextElement()));
        }
        Collections.sort(list);
        return list;
    }
}
