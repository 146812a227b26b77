package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.journalmq.jms.JournalQueue;
import org.journalmq.jms.JournalTopic;
import org.junit.jupiter.api.Test;

/**
 * Messages of another provider (Jakarta Messaging 3.1 section 3.12 and the Message javadoc: "A
 * provider must be prepared to accept message implementations that are not its own"). Foreign
 * messages are simulated by dynamic proxies that only implement the jakarta.jms interfaces.
 */
class ForeignMessagesTest {

    /** Wraps a message so that it is no longer a JournalMessage, only the given interface. */
    @SuppressWarnings("unchecked")
    private static <T extends Message> T foreign(JournalMessage delegate, Class<T> type) {
        InvocationHandler h = (proxy, method, args) -> {
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static void setHeadersAndProperties(JournalMessage m) throws JMSException {
        m.setJMSMessageID("ID:other-1");
        m.setJMSTimestamp(5);
        m.setJMSCorrelationID("corr");
        m.setJMSType("type");
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSPriority(7);
        m.setJMSExpiration(11);
        m.setJMSDeliveryTime(13);
        m.setJMSRedelivered(true);
        m.setJMSReplyTo(new JournalQueue("reply"));
        m.setJMSDestination(new JournalTopic("dest"));
        m.setStringProperty("s", "v");
        m.setIntProperty("i", 1);
        m.setDoubleProperty("d", 2.5);
        m.setStringProperty("n", null);
    }

    @Test
    void journalMessagesAreReturnedAsIs() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("x");
        assertSame(m, ForeignMessages.copyOf(m));
    }

    @Test
    void textMessageWithHeadersAndProperties() throws JMSException {
        JournalTextMessage original = new JournalTextMessage("body é");
        setHeadersAndProperties(original);
        TextMessage foreign = foreign(original, TextMessage.class);
        assertFalse(foreign instanceof JournalMessage);
        JournalMessage copy = ForeignMessages.copyOf(foreign);
        assertInstanceOf(JournalTextMessage.class, copy);
        MessageAssertions.assertSameMessage(original, copy);
    }

    @Test
    void bytesMessageInWriteModeIsResetAndCopied() throws JMSException {
        JournalBytesMessage original = new JournalBytesMessage();
        original.writeInt(99);
        original.writeUTF("é");
        BytesMessage foreign = foreign(original, BytesMessage.class);
        JournalBytesMessage copy = (JournalBytesMessage) ForeignMessages.copyOf(foreign);
        assertArrayEquals(original.bodyBytes(), copy.bodyBytes());
        copy.reset();
        assertEquals(99, copy.readInt());
        assertEquals("é", copy.readUTF());
        // the foreign message is left in read mode at its start
        assertEquals(99, foreign.readInt());
    }

    @Test
    void emptyBytesMessage() throws JMSException {
        JournalBytesMessage copy = (JournalBytesMessage) ForeignMessages.copyOf(
                foreign(new JournalBytesMessage(), BytesMessage.class));
        assertEquals(0, copy.bodyBytes().length);
    }

    @Test
    void partlyReadBytesMessageIsCopiedWhole() throws JMSException {
        JournalBytesMessage original = new JournalBytesMessage();
        original.writeLong(1);
        original.writeLong(2);
        original.reset();
        original.readLong();
        JournalBytesMessage copy = (JournalBytesMessage) ForeignMessages.copyOf(
                foreign(original, BytesMessage.class));
        assertEquals(16, copy.bodyBytes().length);
    }

    @Test
    void mapMessageKeepsTypes() throws JMSException {
        JournalMapMessage original = new JournalMapMessage();
        original.setChar("c", 'q');
        original.setBytes("b", new byte[] {4});
        original.setFloat("f", 1.5f);
        original.setString("n", null);
        JournalMessage copy = ForeignMessages.copyOf(foreign(original, MapMessage.class));
        MessageAssertions.assertSameMessage(original, copy);
    }

    @Test
    void streamMessageIsResetAndCopiedWithTypes() throws JMSException {
        JournalStreamMessage original = new JournalStreamMessage();
        original.writeShort((short) 3);
        original.writeBytes(new byte[] {1, 2});
        original.writeObject(null);
        original.writeChar('z');
        StreamMessage foreign = foreign(original, StreamMessage.class);
        JournalMessage copy = ForeignMessages.copyOf(foreign);
        MessageAssertions.assertSameMessage(original, copy);
        assertEquals(3, foreign.readShort());
    }

    @Test
    void objectMessage() throws JMSException {
        JournalObjectMessage original = new JournalObjectMessage();
        original.setObject(new ArrayList<>(List.of(1, 2)));
        JournalObjectMessage copy = (JournalObjectMessage) ForeignMessages.copyOf(
                foreign(original, ObjectMessage.class));
        assertEquals(List.of(1, 2), copy.getObject());
    }

    @Test
    void plainMessage() throws JMSException {
        JournalPlainMessage original = new JournalPlainMessage();
        setHeadersAndProperties(original);
        JournalMessage copy = ForeignMessages.copyOf(foreign(original, Message.class));
        assertInstanceOf(JournalPlainMessage.class, copy);
        MessageAssertions.assertSameMessage(original, copy);
    }

    @Test
    void copyIsWritableAndIndependent() throws JMSException {
        JournalTextMessage original = new JournalTextMessage("a");
        original.setIntProperty("i", 1);
        original.markDelivered(1);
        JournalTextMessage copy = (JournalTextMessage) ForeignMessages.copyOf(
                foreign(original, TextMessage.class));
        copy.setText("b");
        copy.setIntProperty("i", 2);
        assertEquals("a", original.getText());
        assertEquals(1, original.getIntProperty("i"));
    }

    /** A foreign message whose destinations are the other provider's own classes. */
    private static Message withDestinations(Destination replyTo, Destination destination) {
        JournalPlainMessage base = new JournalPlainMessage();
        InvocationHandler h = (proxy, method, args) -> {
            switch (method.getName()) {
                case "getJMSReplyTo":
                    return replyTo;
                case "getJMSDestination":
                    return destination;
                default:
                    try {
                        return method.invoke(base, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        };
        return (Message) Proxy.newProxyInstance(Message.class.getClassLoader(),
                new Class<?>[] {Message.class}, h);
    }

    @Test
    void foreignQueueAndTopicDestinationsAreConverted() throws JMSException {
        Queue q = () -> "their.queue";
        Topic t = () -> "their.topic";
        JournalMessage copy = ForeignMessages.copyOf(withDestinations(q, t));
        assertEquals(new JournalQueue("their.queue"), copy.getJMSReplyTo());
        assertEquals(new JournalTopic("their.topic"), copy.getJMSDestination());
    }

    @Test
    void destinationsOfNoKnownKindAreDropped() throws JMSException {
        Destination odd = new Destination() { };
        JournalMessage copy = ForeignMessages.copyOf(withDestinations(odd, odd));
        assertNull(copy.getJMSReplyTo());
        assertNull(copy.getJMSDestination());
    }

    @Test
    void correlationIdAsBytesIsCopiedWhenThereIsNoString() throws JMSException {
        JournalPlainMessage base = new JournalPlainMessage();
        InvocationHandler h = (proxy, method, args) -> switch (method.getName()) {
            case "getJMSCorrelationID" -> null;
            case "getJMSCorrelationIDAsBytes" -> new byte[] {1, 2};
            case "getPropertyNames" -> Collections.emptyEnumeration();
            default -> method.invoke(base, args);
        };
        Message foreign = (Message) Proxy.newProxyInstance(Message.class.getClassLoader(),
                new Class<?>[] {Message.class}, h);
        assertArrayEquals(new byte[] {1, 2}, ForeignMessages.copyOf(foreign).getJMSCorrelationIDAsBytes());
    }

    @Test
    void unsupportedCorrelationIdAsBytesIsTolerated() throws JMSException {
        JournalPlainMessage base = new JournalPlainMessage();
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("getJMSCorrelationIDAsBytes")) {
                throw new UnsupportedOperationException();
            }
            return method.invoke(base, args);
        };
        Message foreign = (Message) Proxy.newProxyInstance(Message.class.getClassLoader(),
                new Class<?>[] {Message.class}, h);
        assertNull(ForeignMessages.copyOf(foreign).getJMSCorrelationID());
    }

    @Test
    void foreignPropertyOfANonPropertyTypeIsAFormatError() {
        JournalPlainMessage base = new JournalPlainMessage();
        InvocationHandler h = (proxy, method, args) -> switch (method.getName()) {
            case "getPropertyNames" -> Collections.enumeration(List.of("weird"));
            case "getObjectProperty" -> new StringBuilder("not a property type");
            default -> method.invoke(base, args);
        };
        Message foreign = (Message) Proxy.newProxyInstance(Message.class.getClassLoader(),
                new Class<?>[] {Message.class}, h);
        assertThrows(MessageFormatException.class, () -> ForeignMessages.copyOf(foreign));
    }

    @Test
    void vendorPropertiesOfTheOtherProviderAreCarried() throws JMSException {
        JournalPlainMessage base = new JournalPlainMessage();
        InvocationHandler h = (proxy, method, args) -> switch (method.getName()) {
            case "getPropertyNames" -> Collections.enumeration(List.of("JMSXUserID", "JMS_other_x"));
            case "getObjectProperty" -> "v-" + args[0];
            default -> method.invoke(base, args);
        };
        Message foreign = (Message) Proxy.newProxyInstance(Message.class.getClassLoader(),
                new Class<?>[] {Message.class}, h);
        JournalMessage copy = ForeignMessages.copyOf(foreign);
        assertEquals("v-JMSXUserID", copy.getStringProperty("JMSXUserID"));
        assertEquals("v-JMS_other_x", copy.getStringProperty("JMS_other_x"));
        Enumeration<?> names = copy.getPropertyNames();
        assertTrue(names.hasMoreElements());
    }
}
