package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.resource.spi.ManagedConnection;
import java.io.File;
import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 6: an undeployed adapter's class loader can be collected (JCA 2.1 sec. 5.3.4: stop
 * releases the adapter's resources). The adapter runs in a class loader of its own, as in a server:
 * the server initializes the PostgreSQL and MariaDB drivers packed in the .rar before {@code start}
 * (GlassFish 7.0.21 does; DriverManager then held one adapter class loader per redeploy), the adapter
 * starts with its JMX on, a managed connection opens the journal, a message goes through it, then the
 * container destroys the connection and stops the adapter. Once the test drops its own references, nothing in the JVM may
 * hold that loader.
 */
class AdapterUnloadTest {

    /** One deployment's life, run inside the adapter's own class loader. */
    public static final class Deployment implements Runnable {
        @Override
        public void run() {
            TestContainer container = new TestContainer();
            try {
                for (String driver : new String[] {"org.postgresql.Driver", "org.mariadb.jdbc.Driver"}) {
                    Class.forName(driver, true, Deployment.class.getClassLoader());
                }
                JournalResourceAdapter ra = new JournalResourceAdapter();
                ra.setUrl("jdbc:hsqldb:mem:unload-" + UUID.randomUUID());
                ra.setJmx(true);
                ra.start(container);
                JournalManagedConnectionFactory mcf = new JournalManagedConnectionFactory();
                mcf.setResourceAdapter(ra);
                ManagedConnection mc = mcf.createManagedConnection(null, null);
                try (JMSContext c = ra.factory().createContext()) {
                    Queue q = c.createQueue("unload");
                    c.createProducer().send(q, "one message through the journal");
                    if (c.createConsumer(q).receive(10_000) == null) {
                        throw new AssertionError("the message sent through the adapter's journal did not come back");
                    }
                }
                mc.destroy();
                ra.stop();
                container.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    @DisplayName("After stop() nothing holds the adapter's class loader, though its drivers were loaded before start")
    void anUndeployedAdapterCanBeUnloaded() throws Exception {
        WeakReference<ClassLoader> loader = deployAndUndeploy();
        forgetTheLastRecordEquals();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (loader.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertNull(loader.get(), "the adapter's class loader is still reachable after stop()");
    }

    /** A record of the test's own class loader, for {@link #forgetTheLastRecordEquals}. */
    private record Probe(String name) {
    }

    /**
     * Java 17's {@code java.lang.runtime.ObjectMethods} keeps a strong reference to the last type its
     * shared equals handle was adapted to (JDK-8078641, fixed in Java 18), so the last record class
     * whose {@code equals} was linked stays reachable with its class loader. That pins at most one
     * loader in the JVM, whoever's it is; linking one record of the test's own replaces it.
     */
    private static void forgetTheLastRecordEquals() {
        assertTrue(new Probe("a").equals(new Probe("a")));
    }

    /** Runs {@link Deployment} in a fresh class loader over the test class path; returns that loader, weakly. */
    private static WeakReference<ClassLoader> deployAndUndeploy() throws Exception {
        URLClassLoader own = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader());
        Class<?> type = own.loadClass(Deployment.class.getName());
        assertSame(own, type.getClassLoader(), "the deployment runs on classes of its own loader");
        assertTrue(type != Deployment.class);
        Thread me = Thread.currentThread();
        ClassLoader previous = me.getContextClassLoader();
        me.setContextClassLoader(own); // as a server does around start() and the adapter's calls
        try {
            Constructor<?> make = type.getDeclaredConstructor();
            ((Runnable) make.newInstance()).run();
        } finally {
            me.setContextClassLoader(previous);
            own.close();
        }
        return new WeakReference<>(own);
    }

    private static URL[] classPath() throws Exception {
        // Surefire runs tests from a manifest-only jar; it names the real class path here.
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}
