package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import jakarta.resource.spi.ManagedConnection;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.management.ObjectName;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.hsqldb.jdbc.JDBCDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 6: {@link JournalResourceAdapter#stop()} leaves nothing behind that would hold the
 * adapter's class loader after an undeploy (JCA 2.1 sec. 5.3.4: stop releases the adapter's
 * resources): no JDBC driver it registered, no MBean of its journals, no JournalMQ thread - even
 * with an activation, the recovery connection and an outbound connection with a pending XA branch
 * (its timeout armed) still open.
 */
class AdapterStopLeaksTest {

    @TempDir
    Path dir;

    private final TestContainer container = new TestContainer();

    @AfterEach
    void restoreDriver() throws Exception {
        container.close();
        // Other tests of this JVM open HSQLDB through DriverManager.
        if (hsqldbDrivers().isEmpty()) {
            DriverManager.registerDriver(new JDBCDriver());
        }
    }

    private static List<Driver> hsqldbDrivers() {
        return DriverManager.drivers().filter(d -> d instanceof JDBCDriver).toList();
    }

    private static Set<Thread> journalThreads() {
        Set<Thread> found = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("journalmq-") && t.isAlive()) {
                found.add(t);
            }
        }
        return found;
    }

    private static Set<ObjectName> journalMBeans() throws Exception {
        return ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("org.journalmq:*"), null);
    }

    private record Xid1(byte[] gtrid) implements Xid {
        @Override public int getFormatId() { return 0x4A4D51; }
        @Override public byte[] getGlobalTransactionId() { return gtrid.clone(); }
        @Override public byte[] getBranchQualifier() { return "b1".getBytes(StandardCharsets.UTF_8); }
    }

    @Test
    @DisplayName("After stop() the adapter's JDBC driver is deregistered and none of its MBeans or journalmq-* threads remain")
    void stopReleasesDriversMBeansAndThreads() throws Exception {
        // Stands for a fresh adapter class loader: no HSQLDB driver known to DriverManager yet.
        for (Driver d : hsqldbDrivers()) {
            DriverManager.deregisterDriver(d);
        }
        Set<Thread> threadsBefore = journalThreads();
        Set<ObjectName> mbeansBefore = journalMBeans();

        JournalResourceAdapter ra = new JournalResourceAdapter();
        ra.setUrl("jdbc:hsqldb:file:" + dir.resolve("journal"));
        ra.setJmx(true);
        ra.start(container);
        assertEquals(1, hsqldbDrivers().size(), "start registered the adapter's HSQLDB driver");

        ra.endpointActivation(container.endpoints(true, m -> false), InboundDeliveryTest.queueSpec("leaks", 2));
        ra.getXAResources(new jakarta.resource.spi.ActivationSpec[0]);
        JournalManagedConnectionFactory mcf = new JournalManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        XAResource xa = mc.getXAResource();
        xa.setTransactionTimeout(300);
        Xid pending = new Xid1(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        xa.start(pending, XAResource.TMNOFLAGS);
        xa.end(pending, XAResource.TMSUCCESS);
        try (JMSContext c = ra.factory().createContext()) {
            c.createProducer().send(c.createQueue("leaks"), "one message through the journal");
        }

        Set<Thread> started = journalThreads();
        started.removeAll(threadsBefore);
        Set<ObjectName> registered = journalMBeans();
        registered.removeAll(mbeansBefore);
        System.out.printf("while started: %d journalmq-* threads %s, %d JournalMQ MBeans, %d HSQLDB drivers%n",
                started.size(), started.stream().map(Thread::getName).sorted().toList(), registered.size(),
                hsqldbDrivers().size());
        assertTrue(started.stream().anyMatch(t -> t.getName().equals("journalmq-xa-timeout")), "XA timeout armed");
        assertFalse(registered.isEmpty(), "JMX on: the journal's MBeans are registered");

        ra.stop();

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        for (Thread t : started) {
            t.join(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        List<String> alive = started.stream().filter(Thread::isAlive).map(Thread::getName).sorted().toList();
        Set<ObjectName> left = journalMBeans();
        left.removeAll(mbeansBefore);
        System.out.printf("after stop: %d journalmq-* threads %s, %d JournalMQ MBeans, %d HSQLDB drivers%n",
                alive.size(), alive, left.size(), hsqldbDrivers().size());
        assertEquals(List.of(), alive, "no JournalMQ thread outlives stop()");
        assertEquals(Set.of(), left, "no MBean of the adapter's journal stays registered");
        assertEquals(List.of(), hsqldbDrivers(), "the driver start registered is deregistered");
        mc.destroy(); // what a container does late: harmless after stop
    }
}
