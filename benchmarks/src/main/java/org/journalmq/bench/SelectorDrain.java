package org.journalmq.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A queue of N messages, every other one {@code type='A'} and {@code type='B'}; one listener with
 * the selector {@code type = 'B'} drains the N/2 B messages. msgs/s counts the B messages from
 * the listener's start to the last one; the A messages must stay behind.
 */
final class SelectorDrain extends DeclaredScenario {

    SelectorDrain() {
        super("selector-drain", 10_000);
        warmupAtMost(1_000);
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int messages) throws Exception {
        int matches = messages / 2;
        try (Connection c = ctx.connect()) {
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            MessageProducer p = tx.createProducer(tx.createQueue(queueName));
            for (int i = 0; i < messages; i++) {
                BytesMessage m = ctx.message(tx, i);
                m.setStringProperty("type", i % 2 == 0 ? "A" : "B");
                p.send(m);
                if (i % 500 == 499) {
                    tx.commit();
                }
            }
            tx.commit();

            Session s = c.createSession(ctx.consumerAckMode());
            MessageConsumer consumer = s.createConsumer(s.createQueue(queueName), "type = 'B'");
            AtomicInteger got = new AtomicInteger();
            AtomicInteger wrong = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1);
            consumer.setMessageListener(m -> {
                try {
                    if (!"B".equals(m.getStringProperty("type"))) {
                        wrong.incrementAndGet();
                    }
                } catch (Exception e) {
                    wrong.incrementAndGet();
                }
                if (got.incrementAndGet() == matches) {
                    done.countDown();
                }
            });
            long start = System.nanoTime();
            c.start();
            boolean finished = done.await(ctx.timeoutSeconds(), TimeUnit.SECONDS);
            long end = System.nanoTime();
            c.stop();
            consumer.close();
            double rate = got.get() / ((end - start) / 1e9);
            ctx.drain(queueName, messages - matches); // the A messages stayed behind, as they must
            return new Result(matches, rate, Double.NaN, Double.NaN,
                    "1 listener `type = 'B'` over " + messages + " messages; wrong type " + wrong.get()
                            + (finished ? "" : "; timed out after " + got.get()), finished && wrong.get() == 0);
        }
    }
}
