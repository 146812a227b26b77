package org.journalmq.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * One producer, AUTO_ACKNOWLEDGE session, synchronous persistent sends: each send returns only
 * once its row is committed, so this is the commit rate one thread can get. The percentiles are
 * those of the send() call.
 */
final class SyncSend extends DeclaredScenario {

    SyncSend() {
        super("sync-send", 5_000);
        kind(Kind.SEND_ONLY);
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int messages) throws Exception {
        Latencies sends = new Latencies(messages);
        long start;
        long end;
        try (Connection c = ctx.connect()) {
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(queueName));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                BytesMessage m = ctx.message(s, i);
                long t0 = System.nanoTime();
                m.setLongProperty(BenchContext.SENT_AT, t0);
                p.send(m);
                sends.record(System.nanoTime() - t0);
            }
            end = System.nanoTime();
        }
        Latencies.Snapshot l = sends.snapshot();
        return new Result(messages, messages / ((end - start) / 1e9), l.millis(50), l.millis(99),
                "1 producer, AUTO session; p50/p99 of send()", true);
    }
}
