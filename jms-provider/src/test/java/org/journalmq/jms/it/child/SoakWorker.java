package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.it.BusinessDb;
import org.journalmq.jms.it.Narayana;

/**
 * Child JVM of the soak (issue 13 item 4): one worker incarnation running every lane's producers
 * and consumers on PostgreSQL until the file {@code stop} appears in the work folder (or until it
 * is killed with SIGKILL). Then it stops its producers, lets its consumers finish their current
 * unit of work, closes, runs XA recovery once more and exits 0.
 * Arguments: url user prefix leaseMillis workDir worker incarnation.
 */
public final class SoakWorker {
    private SoakWorker() {
    }

    /** The stop flags every loop checks, and a pause that ends early when stopping. */
    static final class Running {
        private volatile boolean producing = true;
        private volatile boolean consuming = true;
        private final CountDownLatch stopped = new CountDownLatch(1);

        boolean producing() {
            return producing;
        }

        boolean consuming() {
            return consuming;
        }

        /** The producers' pace (a rate, not a wait for a condition). */
        void pause(long millis) {
            try {
                stopped.await(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @FunctionalInterface
    interface Loop {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[4]);
        String worker = args[5];
        String incarnation = "w" + worker + "." + args[6];
        String nodeId = "soak-w" + worker;
        Narayana.configure(work.resolve("xa-store-w" + worker), nodeId);
        JournalConnectionFactory factory = ChildSupport.factory(args);
        Running running = new Running();
        try (SoakRecord record = new SoakRecord(work.resolve("records").resolve(incarnation + ".txt"))) {
            SoakXa xa = new SoakXa(factory, BusinessDb.postgresXa(args[0], args[1]), record);
            int inDoubt = xa.recoverInDoubt(nodeId);
            System.out.println("recovery before start: in doubt left " + inDoubt);
            SoakProducers producers = new SoakProducers(record, incarnation);
            SoakConsumers consumers = new SoakConsumers(record, incarnation);
            Connection c = factory.createConnection();
            c.setExceptionListener(e -> record.error("exception-listener", e));
            List<Thread> producing = new ArrayList<>();
            List<Thread> consuming = new ArrayList<>();
            producing.add(loop("sel-producer", record, running, true, () -> producers.selectorQueue(c, running)));
            producing.add(loop("topic-producer", record, running, true, () -> producers.topic(c, running)));
            producing.add(loop("xa-producer", record, running, true, () -> producers.xaQueue(c, running)));
            producing.add(loop("tx-producer", record, running, true, () -> producers.transacted(c, running)));
            consuming.add(loop("auto-consumer", record, running, false, () -> consumers.autoSelector(c, running)));
            consuming.add(loop("client-consumer", record, running, false, () -> consumers.clientSelector(c, running)));
            consuming.add(loop("tx-consumer", record, running, false, () -> consumers.transacted(c, running)));
            consuming.add(loop("dups-consumer", record, running, false, () -> consumers.dupsOkShared(c, running)));
            consuming.add(loop("xa-consumer", record, running, false,
                    () -> xa.consume(consumers.sessionName(SoakLane.XA_QUEUE), running, work.resolve("xa-pause"),
                            work.resolve("xa-idle-w" + worker))));
            c.start();
            Connection owner = "0".equals(worker) ? durableOwner(factory, consumers, record, running) : null;
            System.out.println("running");

            while (!Files.exists(work.resolve("stop"))) {
                running.pause(200);
            }
            running.producing = false;
            running.stopped.countDown();
            join(producing);
            running.consuming = false;
            join(consuming);
            if (owner != null) {
                owner.close();
            }
            c.close();
            inDoubt = xa.recoverInDoubt(nodeId);
            System.out.println("recovery after stop: in doubt left " + inDoubt);
            System.exit(inDoubt == 0 ? 0 : 2);
        }
    }

    /**
     * The unshared durable subscription's connection. After a kill the dead incarnation may still
     * hold the client id or the subscription until the journal sees it dead: retried, bounded.
     */
    private static Connection durableOwner(JournalConnectionFactory factory, SoakConsumers consumers,
                                           SoakRecord record, Running running) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            Connection owner = factory.createConnection();
            try {
                owner.setClientID(SoakLane.DURABLE_CLIENT_ID);
                owner.setExceptionListener(e -> record.error("durable-owner", e));
                consumers.autoDurableListener(owner);
                owner.start();
                return owner;
            } catch (jakarta.jms.JMSException e) {
                owner.close();
                if (System.nanoTime() > deadline || !running.consuming()) {
                    throw e;
                }
                record.error("durable-owner retry", e);
                running.pause(1_000); // until the dead incarnation's client is released
            }
        }
    }

    /** A thread running {@code body} again (with a new session) after each failure, until stopped. */
    private static Thread loop(String name, SoakRecord record, Running running, boolean producer, Loop body) {
        Thread t = new Thread(() -> {
            while (producer ? running.producing() : running.consuming()) {
                try {
                    body.run();
                } catch (Exception | AssertionError e) {
                    record.error(name, e);
                    running.pause(500); // back off before a new session
                }
            }
        }, "soak-" + name);
        t.start();
        return t;
    }

    private static void join(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join(120_000);
        }
    }
}
