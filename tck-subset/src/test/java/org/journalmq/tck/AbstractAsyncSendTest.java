package org.journalmq.tck;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asynchronous send (spec 7.3 asynchronous send: message order, close waiting for callbacks;
 * MessageProducer.send(..., CompletionListener) javadoc). What a callback may call is in
 * {@link AbstractCallbackRulesTest}.
 */
public abstract class AbstractAsyncSendTest extends ConformanceBase {

    /** A listener that records completions. */
    private static final class Recorder implements CompletionListener {
        final List<Message> completed = new CopyOnWriteArrayList<>();
        final List<Exception> failed = new CopyOnWriteArrayList<>();

        @Override
        public void onCompletion(Message message) {
            completed.add(message);
        }

        @Override
        public void onException(Message message, Exception exception) {
            failed.add(exception);
        }
    }

    /** Spec 7.3 (message order): callbacks come in send order, each with its own message object. */
    @Test
    void callbacksInSendOrder() throws Exception {
        Session s = session();
        Queue q = queue(s);
        MessageProducer p = s.createProducer(q);
        Recorder r = new Recorder();
        int n = 50;
        TextMessage[] sent = new TextMessage[n];
        for (int i = 0; i < n; i++) {
            sent[i] = s.createTextMessage("m" + i);
            p.send(sent[i], r);
        }
        await("all completions", WAIT, () -> r.completed.size() == n);
        for (int i = 0; i < n; i++) {
            assertSame(sent[i], r.completed.get(i), "callback " + i);
        }
        assertTrue(r.failed.isEmpty());
        assertEquals(n, receiveAll(s.createConsumer(q), n, WAIT).size());
    }

    /** MessageProducer.send(..., CompletionListener) javadoc: a null listener → IllegalArgumentException. */
    @Test
    void nullListener() throws Exception {
        Session s = session();
        Queue q = queue(s);
        assertThrows(IllegalArgumentException.class, () -> s.createProducer(q).send(s.createMessage(), null));
        assertThrows(IllegalArgumentException.class,
                () -> s.createProducer(null).send(q, s.createMessage(), 2, 4, 0, null));
    }

    /** Simplified API async send: JMSProducer.setAsync, callback with the message sent. */
    @Test
    void jmsProducerAsync() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        Recorder r = new Recorder();
        ctx.createProducer().setAsync(r).send(q, "async");
        await("completion", WAIT, () -> r.completed.size() == 1);
        assertEquals("async", ((TextMessage) r.completed.get(0)).getText());
        assertEquals("async", ctx.createConsumer(q).receiveBody(String.class, WAIT));
    }

    /** Spec 7.3 and MessageProducer.close javadoc: close() waits until the outstanding CompletionListener callbacks have returned. */
    @Test
    void closeWaitsForCallbacks() throws Exception {
        Connection c = openConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s);
        CountDownLatch inCallback = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        s.createProducer(q).send(s.createMessage(), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                inCallback.countDown();
                try {
                    proceed.await(WAIT, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                events.add("callback returned");
            }

            @Override
            public void onException(Message message, Exception exception) {
                inCallback.countDown();
                events.add("failed");
            }
        });
        assertTrue(inCallback.await(WAIT, TimeUnit.MILLISECONDS));
        Thread closer = new Thread(() -> {
            try {
                c.close();
                events.add("close returned");
            } catch (Exception e) {
                events.add("close failed " + e);
            }
        });
        closer.start();
        closer.join(ABSENT);
        assertTrue(closer.isAlive(), "close() returned while a callback was running");
        proceed.countDown();
        closer.join(WAIT);
        assertEquals(List.of("callback returned", "close returned"), events);
        assertNotNull(q);
    }
}
