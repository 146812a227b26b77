package org.journalmq.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * One producer in a transacted session committing every {@value #BATCH} sends: the journal
 * writes a whole batch in one database transaction. The percentiles are those of commit().
 */
final class TxBatch extends DeclaredScenario {

    static final int BATCH = 100;

    TxBatch() {
        super("tx-batch", 30_000);
        kind(Kind.SEND_ONLY);
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int messages) throws Exception {
        Latencies commits = new Latencies(messages / BATCH + 1);
        long start;
        long end;
        try (Connection c = ctx.connect()) {
            Session s = c.createSession(Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(s.createQueue(queueName));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                var m = ctx.message(s, i);
                m.setLongProperty(BenchContext.SENT_AT, System.nanoTime());
                p.send(m);
                if ((i + 1) % BATCH == 0 || i == messages - 1) {
                    long t0 = System.nanoTime();
                    s.commit();
                    commits.record(System.nanoTime() - t0);
                }
            }
            end = System.nanoTime();
        }
        Latencies.Snapshot l = commits.snapshot();
        return new Result(messages, messages / ((end - start) / 1e9), l.millis(50), l.millis(99),
                "1 producer, transacted, commit every " + BATCH + "; p50/p99 of commit()", true);
    }
}
