package org.journalmq.jms.client;

import jakarta.jms.CompletionListener;
import jakarta.jms.Message;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous sends of one session (spec 7.3): completion callbacks run in send order on one
 * thread per session, never on the journal's writer thread, and close() waits for them.
 */
final class AsyncSends {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncSends.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Completions a session may have pending before its next asynchronous send waits. */
    static final int MAX_OUTSTANDING = 10_000;

    private final JournalSession session;
    private final Object lock = new Object();
    private ExecutorService executor;
    private int outstanding;

    AsyncSends(JournalSession session) {
        this.session = session;
    }

    private ExecutorService executor() {
        synchronized (lock) {
            // Flow control (with the journal's bounded write queue): a send waits while too many
            // callbacks are pending, so a slow CompletionListener cannot make the heap grow. Not on the
            // completion thread itself, which is the one that would make room.
            while (outstanding >= MAX_OUTSTANDING && CallbackRules.completionSession() != session) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (executor == null) {
                executor = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "journalmq-completion-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
            outstanding++;
            return executor;
        }
    }

    /**
     * Calls the listener once the write commits. Futures complete in write order, so callbacks keep
     * send order. {@code producer} (the MessageProducer or JMSProducer that sent) is recorded for
     * {@link CallbackRules}: the callback may not close it.
     */
    void track(CompletableFuture<Void> future, Object producer, Message message, CompletionListener listener) {
        ExecutorService ex = executor();
        // submission happens on the writer thread in commit order; the single executor keeps it
        future.whenComplete((v, failure) -> ex.execute(() -> callback(producer, message, listener, failure)));
    }

    /** In a transacted session the send is complete once queued (it is applied at commit). */
    void completeNow(Object producer, Message message, CompletionListener listener) {
        executor().execute(() -> callback(producer, message, listener, null));
    }

    private void callback(Object producer, Message message, CompletionListener listener, Throwable failure) {
        try {
            CallbackRules.runCompletion(session, producer, () -> {
                if (failure == null) {
                    listener.onCompletion(message);
                } else {
                    listener.onException(message, JmsExceptions.translate(failure, "send"));
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("JMQ2008 CompletionListener threw", e);
        } finally {
            synchronized (lock) {
                outstanding--;
                lock.notifyAll();
            }
        }
    }

    /** A non-persistent send nobody waits for: at most log its failure. */
    void logFailure(CompletableFuture<Void> future, JournalDestination destination) {
        future.whenComplete((v, failure) -> {
            if (failure != null) {
                LOG.warn("JMQ2009 non-persistent send to {} failed: {}", destination, failure.getMessage());
            }
        });
    }

    /**
     * Waits until every callback has run (spec 7.3.8: close waits for incomplete sends). Not on this
     * session's completion thread (a callback closing another producer of its session): the
     * callbacks still queued run on that very thread once the current one returns, so waiting for
     * them would never end; they still run, in send order.
     */
    void awaitIdle() {
        if (CallbackRules.completionSession() == session) {
            return;
        }
        synchronized (lock) {
            while (outstanding > 0) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    void shutdown() {
        ExecutorService ex;
        synchronized (lock) {
            ex = executor;
            executor = null;
        }
        if (ex != null) {
            ex.shutdown();
            try {
                ex.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
