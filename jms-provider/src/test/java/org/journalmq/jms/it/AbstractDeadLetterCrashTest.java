package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.it.child.ConsumerMain;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A poison message that kills its consumer's JVM on every attempt (issue 8: "the same holds when
 * the consumer JVM is killed with kill -9 on every attempt"): the delivery count is persisted at
 * claim (spec 3.5.11 JMSXDeliveryCount), so after the last allowed attempt the next claim moves
 * the message to the dead-letter queue without delivering it. On PostgreSQL the JVMs share the
 * journal; an embedded HSQLDB file journal is opened by one JVM at a time, so there each child
 * waits for the killed one's file lock (about 7.4 s) and the test takes about a minute.
 */
public abstract class AbstractDeadLetterCrashTest extends JmsTestBase {

    /** The record's complete lines (the kill may cut the last one). */
    private static List<String> lines(Path record) {
        try {
            return AbstractCrashSafetyTest.lines(record);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMessageWhoseConsumerJvmIsKilledOnEveryAttemptEndsInTheDeadLetterQueue() throws Exception {
        factory.setMaxDeliveryAttempts(3);
        String queue = uniqueQueue("kills-its-consumer");
        Connection sender = connect();
        Session senderSession = sender.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = senderSession.createProducer(senderSession.createQueue(queue));
        TextMessage sent = senderSession.createTextMessage("poison");
        sent.setIntProperty("n", 1);
        sent.setJMSCorrelationID("crash-corr");
        p.send(sent);
        sender.close(); // frees an embedded database for the children; each child's maintenance
                        // releases the leases its killed predecessor left behind

        for (int attempt = 1; attempt <= 3; attempt++) {
            Path record = dir.resolve("attempt-" + attempt + ".txt");
            try (ChildJvm child = ChildJvm.start(ConsumerMain.class, dir.resolve("child-" + attempt + ".log"),
                    childArgs(queue, record, "hold", "1"))) {
                int a = attempt;
                await("child " + attempt + " holds the message", 90_000,
                        () -> lines(record).contains("HOLDING") || !child.isAlive());
                List<String> lines = lines(record);
                assertEquals(List.of("1 " + (a > 1) + " " + a, "HOLDING"), lines,
                        "n, JMSRedelivered, JMSXDeliveryCount of attempt " + a + "; child output:\n" + child.output());
                child.kill(); // kill -9 mid-processing
            }
        }

        // The fourth claim (count 4 > 3 attempts) moves the message instead of delivering it.
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        List<Message> deliveredAgain = new CopyOnWriteArrayList<>();
        Session listening = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        listening.createConsumer(listening.createQueue(queue)).setMessageListener(deliveredAgain::add);
        Message dead = s.createConsumer(s.createQueue(DeadLetters.deadLetterQueueFor(queue))).receive(30_000);
        assertNotNull(dead, "the message reached the dead-letter queue once its last lease expired");
        assertEquals("poison", ((TextMessage) dead).getText());
        assertEquals(sent.getJMSMessageID(), dead.getJMSMessageID());
        assertEquals("crash-corr", dead.getJMSCorrelationID());
        assertEquals(1, dead.getIntProperty("n"));
        assertEquals(3, dead.getIntProperty(DeadLetters.DELIVERY_ATTEMPTS));
        assertEquals(DeadLetters.REASON_CONSUMER_CRASHED, dead.getStringProperty(DeadLetters.DEAD_LETTER_REASON));
        assertEquals(queue, dead.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
        assertEquals(List.of(), deliveredAgain, "never delivered a fourth time");
    }
}
