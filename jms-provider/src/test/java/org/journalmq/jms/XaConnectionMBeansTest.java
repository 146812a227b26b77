package org.journalmq.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import jakarta.jms.XAConnection;
import jakarta.jms.XAJMSContext;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: XA connections open their journal the way plain connections do, so they register the
 * journal's MBeans (README "JMX": every journal a JVM opens, unless jmx=false) and unregister them
 * when the journal's last connection closes. Before, only plain connections did.
 */
class XaConnectionMBeansTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    /** The ConnectionFactory MBean of a journal, named as README "JMX" says. */
    private static ObjectName factoryBean(JournalConnectionFactory f) throws Exception {
        return new ObjectName("org.journalmq:type=ConnectionFactory,name="
                + ObjectName.quote(f.getTablePrefix() + "@" + f.getUrl()));
    }

    private static JournalConnectionFactory newFactory() {
        return new JournalConnectionFactory("jdbc:hsqldb:mem:xa-mbeans-" + UUID.randomUUID());
    }

    @Test
    void anXaConnectionRegistersTheJournalsMBeans() throws Exception {
        JournalConnectionFactory f = newFactory();
        ObjectName bean = factoryBean(f);
        XAConnection xa = f.createXAConnection();
        try {
            assertTrue(server.isRegistered(bean), bean + " registered by createXAConnection");
        } finally {
            xa.close();
        }
        assertFalse(server.isRegistered(bean), bean + " unregistered with the journal's last connection");
    }

    @Test
    void anXaContextRegistersTheJournalsMBeans() throws Exception {
        JournalConnectionFactory f = newFactory();
        ObjectName bean = factoryBean(f);
        try (XAJMSContext xa = f.createXAContext()) {
            assertTrue(server.isRegistered(bean), bean + " registered by createXAContext");
        }
        assertFalse(server.isRegistered(bean));
    }

    /** The factory MBean's OpenSessions counts XA sessions, and a closed one is no longer counted. */
    @Test
    void xaSessionsAreCountedInOpenSessions() throws Exception {
        JournalConnectionFactory f = newFactory();
        ObjectName bean = factoryBean(f);
        XAConnection xa = f.createXAConnection();
        try {
            jakarta.jms.XASession session = xa.createXASession();
            jakarta.jms.Session plain = xa.createSession();
            assertEquals(2, server.getAttribute(bean, "OpenSessions"), "an XA and a plain session");
            session.close();
            assertEquals(1, server.getAttribute(bean, "OpenSessions"), "the XA session closed");
            plain.close();
            assertEquals(0, server.getAttribute(bean, "OpenSessions"), "never below zero");
        } finally {
            xa.close();
        }
    }

    @Test
    void jmxFalseKeepsXaConnectionsOutOfTheMBeanServerAsPlainOnes() throws Exception {
        JournalConnectionFactory f = newFactory();
        f.setJmxEnabled(false);
        ObjectName bean = factoryBean(f);
        try (XAJMSContext xa = f.createXAContext(); JMSContext plain = f.createContext()) {
            assertFalse(server.isRegistered(bean), "jmx=false: no MBeans for either kind of connection");
        }
    }
}
