package org.journalmq.jms.it;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import org.journalmq.jms.config.SettingsBinder;
import org.journalmq.jms.it.child.BigMessagesMain;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 5: maxMessageSize refuses a larger send with nothing written, and 100 messages of
 * 10 MiB round-trip through a child JVM whose heap is {@value #MAX_HEAP}: the consumer's prefetch
 * is bounded in bytes (16 such messages in hand would not fit).
 */
public abstract class AbstractBigMessagesTest extends JmsTestBase {

    static final String MAX_HEAP = "256m";
    static final int MESSAGES = 100;
    static final int MIB = 10;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 'x');
        return b;
    }

    @Test
    void aMessageOverMaxMessageSizeIsRefusedAndNothingIsWritten() throws Exception {
        factory.setMaxMessageSize(64 * 1024);
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "limit");
        MessageProducer p = s.createProducer(q);
        BytesMessage small = s.createBytesMessage();
        small.writeBytes(bytes(60 * 1024));
        small.setIntProperty("n", 1);
        p.send(small);
        BytesMessage big = s.createBytesMessage();
        big.writeBytes(bytes(64 * 1024));
        JMSException e = assertThrows(JMSException.class, () -> p.send(big));
        assertEquals("JMQ-MESSAGE-TOO-LARGE", e.getErrorCode());
        assertTrue(e.getMessage().contains("exceeds maxMessageSize of 65536 bytes"), e.getMessage());

        // the simplified API gets the runtime twin, with the same code
        try (JMSContext ctx = factory.createContext()) {
            JMSRuntimeException r = assertThrows(JMSRuntimeException.class,
                    () -> ctx.createProducer().send(q, bytes(70 * 1024)));
            assertEquals("JMQ-MESSAGE-TOO-LARGE", r.getErrorCode());
        }
        // in a transaction, the refused send is not part of what commits
        Session tx = started().createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer tp = tx.createProducer(q);
        BytesMessage big2 = tx.createBytesMessage();
        big2.writeBytes(bytes(100 * 1024));
        assertThrows(JMSException.class, () -> tp.send(big2));
        BytesMessage ok = tx.createBytesMessage();
        ok.setIntProperty("n", 2);
        tp.send(ok);
        tx.commit();

        MessageConsumer c = s.createConsumer(q);
        List<Integer> got = new ArrayList<>();
        jakarta.jms.Message m;
        while ((m = c.receive(1_000)) != null) {
            got.add(m.getIntProperty("n"));
        }
        assertEquals(List.of(1, 2), got, "only the sends within the limit were written");
        System.out.println(getClass().getSimpleName() + ": sent 5, refused 3 over maxMessageSize, received "
                + got.size());
    }

    /** The default limit is 15 MiB of encoded message: a 16 MiB body is refused without any setting. */
    @Test
    void theDefaultLimitIs15MiB() throws Exception {
        assertEquals(15 << 20, factory.getMaxMessageSize());
        assertEquals(SettingsBinder.DEFAULT_MAX_MESSAGE_SIZE, factory.settings().maxMessageSize());
        try (JMSContext ctx = factory.createContext()) {
            Queue q = ctx.createQueue(uniqueQueue("default-limit"));
            JMSRuntimeException r = assertThrows(JMSRuntimeException.class,
                    () -> ctx.createProducer().send(q, bytes(16 << 20)));
            assertEquals("JMQ-MESSAGE-TOO-LARGE", r.getErrorCode());
            assertTrue(r.getMessage().contains("maxMessageSize of 15728640 bytes"), r.getMessage());
            try (JMSConsumer c = ctx.createConsumer(q)) {
                assertNull(c.receive(500), "nothing was written");
            }
        }
    }

    /**
     * The sender is a child of its own ({@value #SENDER_HEAP}: an embedded HSQLDB writes each row
     * into its log as hex text, several times the body in the heap); the receiver runs at
     * {@value #MAX_HEAP}. An embedded file database is opened by one JVM at a time, so they run
     * one after the other.
     */
    @Test
    void hundredMessagesOf10MiBRoundTripThroughA256MiBConsumer() throws Exception {
        String queue = uniqueQueue("big");
        String[] sent = runChild(queue, "send", SENDER_HEAP).split(" ");
        String[] received = runChild(queue, "receive", MAX_HEAP).split(" ");
        assertEquals(Integer.toString(MESSAGES), received[1], "messages received");
        // An unbounded prefetch holds 16 x 10 MiB = 160 MiB in hand (measured: 237 MiB peak, the test
        // passing only by GC luck); bounded in bytes, 3-4 messages are live at once.
        assertTrue(Integer.parseInt(received[4]) < MAX_LIVE_MIB, "receiver's live heap " + received[4]
                + " MiB: more than " + MAX_LIVE_MIB + " MiB held means the prefetch was not bounded in bytes");
        System.out.println(getClass().getSimpleName() + ": " + MESSAGES + " x " + MIB + " MiB: sent " + sent[1]
                + " in " + sent[3] + " ms (sender peak heap " + sent[2] + " MiB of -Xmx" + SENDER_HEAP + "), received "
                + received[1] + " in " + received[3] + " ms (receiver peak heap " + received[2] + " MiB of -Xmx"
                + MAX_HEAP + ", live after GC at most " + received[4] + " MiB)");
    }

    static final String SENDER_HEAP = "1g";
    /** Below what 16 messages of 10 MiB in hand would take, above what 4 and the provider's own take. */
    static final int MAX_LIVE_MIB = 128;

    private String runChild(String queue, String mode, String heap) throws Exception {
        List<String> args = new ArrayList<>(journal.childArgs());
        args.add(Long.toString(30_000));
        args.add(queue);
        args.add(Integer.toString(MESSAGES));
        args.add(Integer.toString(MIB));
        args.add(mode);
        try (ChildJvm child = ChildJvm.start(BigMessagesMain.class, dir.resolve(mode + ".log"), heap, args)) {
            assertEquals(0, child.awaitExit(600_000), child.output());
            String out = child.output();
            String line = out.lines().filter(l -> l.startsWith(mode.equals("send") ? "SENT " : "RECEIVED "))
                    .findFirst().orElse(null);
            assertNotNull(line, out);
            return line;
        }
    }
}
