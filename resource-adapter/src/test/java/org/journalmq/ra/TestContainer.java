package org.journalmq.ra;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A stand-in for the application server around the adapter in unit tests: a WorkManager on a thread
 * pool, and an endpoint factory whose "container transaction" drives the enlisted XAResource the way a
 * transaction manager does for one resource (start, end, one-phase commit or rollback). The Arquillian
 * tests in examples-jakartaee run the same adapter in a real GlassFish.
 */
final class TestContainer implements BootstrapContext, AutoCloseable {

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-work");
        t.setDaemon(true);
        return t;
    });

    /** What an endpoint does with a message; returns true to mark the transaction rollback-only. */
    @FunctionalInterface
    interface Bean {
        boolean onMessage(Message m) throws Exception;
    }

    private final WorkManager workManager = new WorkManager() {
        @Override
        public void doWork(Work work) {
            work.run();
        }

        @Override
        public void doWork(Work work, long timeout, ExecutionContext ctx, WorkListener l) {
            work.run();
        }

        @Override
        public long startWork(Work work) {
            pool.execute(work);
            return 0;
        }

        @Override
        public long startWork(Work work, long timeout, ExecutionContext ctx, WorkListener l) {
            pool.execute(work);
            return 0;
        }

        @Override
        public void scheduleWork(Work work) {
            pool.execute(work);
        }

        @Override
        public void scheduleWork(Work work, long timeout, ExecutionContext ctx, WorkListener l) throws WorkException {
            pool.execute(work);
        }
    };

    /** An endpoint factory for a bean; transacted = container-managed REQUIRED onMessage. */
    MessageEndpointFactory endpoints(boolean transacted, Bean bean) {
        return new MessageEndpointFactory() {
            @Override
            public MessageEndpoint createEndpoint(XAResource xa) {
                return endpoint(xa, transacted, bean);
            }

            @Override
            public MessageEndpoint createEndpoint(XAResource xa, long timeout) {
                return endpoint(xa, transacted, bean);
            }

            @Override
            public boolean isDeliveryTransacted(java.lang.reflect.Method method) {
                return transacted;
            }

            @Override
            public String getActivationName() {
                return "test-endpoint";
            }

            @Override
            public Class<?> getEndpointClass() {
                return MessageListener.class;
            }
        };
    }

    private static final java.util.concurrent.atomic.AtomicLong TX = new java.util.concurrent.atomic.AtomicLong();

    /** A new transaction id, as a transaction manager makes one per transaction. */
    static Xid newXid() {
        byte[] gtrid = java.nio.ByteBuffer.allocate(8).putLong(TX.incrementAndGet()).array();
        return new Xid() {
            @Override
            public int getFormatId() {
                return 42;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return gtrid.clone();
            }

            @Override
            public byte[] getBranchQualifier() {
                return new byte[] {2};
            }
        };
    }

    private static MessageEndpoint endpoint(XAResource xa, boolean transacted, Bean bean) {
        Xid[] xid = {null};
        boolean[] rollbackOnly = {false};
        return (MessageEndpoint) Proxy.newProxyInstance(TestContainer.class.getClassLoader(),
                new Class<?>[] {MessageEndpoint.class, MessageListener.class}, (p, method, args) -> {
                    switch (method.getName()) {
                        case "beforeDelivery" -> {
                            rollbackOnly[0] = false;
                            xid[0] = newXid();
                            xa.start(xid[0], XAResource.TMNOFLAGS);
                        }
                        case "onMessage" -> {
                            try {
                                rollbackOnly[0] = bean.onMessage((Message) args[0]);
                            } catch (RuntimeException e) {
                                if (!transacted) {
                                    throw e;
                                }
                                rollbackOnly[0] = true; // a system exception rolls the container transaction back
                            }
                        }
                        case "afterDelivery" -> {
                            try {
                                xa.end(xid[0], rollbackOnly[0] ? XAResource.TMFAIL : XAResource.TMSUCCESS);
                                if (rollbackOnly[0]) {
                                    xa.rollback(xid[0]);
                                } else {
                                    xa.commit(xid[0], true);
                                }
                            } catch (XAException e) {
                                throw new IllegalStateException("XA error " + e.errorCode, e);
                            }
                        }
                        default -> {
                            // release(), toString() etc.
                        }
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });
    }

    @Override
    public WorkManager getWorkManager() {
        return workManager;
    }

    @Override
    public XATerminator getXATerminator() {
        return null;
    }

    @Override
    public Timer createTimer() {
        return new Timer(true);
    }

    @Override
    public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
        return false;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
