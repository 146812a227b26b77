package org.journalmq.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * N non-matching messages, then one {@code type='A'}: how long a new consumer with the selector
 * {@code type = 'A'} takes to receive it (the p50 column holds that one time), and the heap the
 * JVM uses after a GC before and after, to show the scan keeps nothing.
 */
final class SelectorDeep extends DeclaredScenario {

    SelectorDeep() {
        super("selector-deep", 100_000);
        warmupAtMost(1_000);
        // its figure is one time (in the p50 column): the comparison sets that against the peers'
        metric(Metric.LATENCY);
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int messages) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Connection c = ctx.connect()) {
            Session tx = c.createSession(Session.SESSION_TRANSACTED);
            MessageProducer p = tx.createProducer(tx.createQueue(queueName));
            for (int i = 0; i < messages; i++) {
                BytesMessage m = ctx.message(tx, i);
                m.setStringProperty("type", "B");
                p.send(m);
                if (i % 1_000 == 999) {
                    tx.commit();
                }
            }
            BytesMessage match = ctx.message(tx, messages);
            match.setStringProperty("type", "A");
            p.send(match);
            tx.commit();

            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            c.start();
            long start = System.nanoTime();
            MessageConsumer consumer = s.createConsumer(s.createQueue(queueName), "type = 'A'");
            Message m = consumer.receive(ctx.timeoutSeconds() * 1_000);
            long end = System.nanoTime();
            consumer.close();
            System.gc();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            double millis = (end - start) / 1e6;
            ctx.drain(queueName, messages); // the non-matching backlog stayed behind, as it must
            boolean ok = m != null && "A".equals(m.getStringProperty("type"));
            return new Result(1, ok ? 1_000.0 / millis : 0, millis, millis,
                    String.format(java.util.Locale.ROOT,
                            "first match behind %,d non-matching; heap after GC %d MiB before, %d MiB after",
                            messages, heapBefore >> 20, heapAfter >> 20), ok);
        }
    }
}
