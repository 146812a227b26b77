package org.journalmq.jms.it;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Queue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS to PostgreSQL (issue 15 item 4). {@code .ci/run} makes a test CA, a server certificate it
 * signed for 127.0.0.1, and a role ({@link TestDatabases#postgresTlsUser()}) that pg_hba.conf admits
 * over TLS only. The journal's URL carries the driver's TLS settings ({@code sslmode=verify-full},
 * {@code sslrootcert}); every connection the journal opens (its pool and its LISTEN connection) is
 * made from that URL.
 */
class PostgresTlsTest {
    private static final long WAIT = 10_000;

    private Path ca;
    private String prefix;

    @BeforeEach
    void requireTls() {
        TestDatabases.assumePostgresTls();
        ca = TestDatabases.postgresTlsDirectory().resolve("ca.crt");
        prefix = TestDatabases.randomPrefix();
    }

    @AfterEach
    void dropTables() {
        if (prefix != null && ca != null) {
            TestDatabases.dropAll(JournalConfig.builder(TestDatabases.postgresTlsUrl(ca))
                    .user(TestDatabases.postgresTlsUser()).tablePrefix(prefix).build());
        }
    }

    private JournalConnectionFactory factory(String url) {
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setUser(TestDatabases.postgresTlsUser());
        f.setTablePrefix(prefix);
        return f;
    }

    @Test
    void verifyFullWithTheServersCaSendsAndReceivesOverTls() throws Exception {
        JournalConnectionFactory f = factory(TestDatabases.postgresTlsUrl(ca));
        try (JMSContext producerSide = f.createContext(); JMSContext consumerSide = f.createContext()) {
            Queue q = consumerSide.createQueue("tls-orders");
            var consumer = consumerSide.createConsumer(q);
            producerSide.createProducer().send(q, "over TLS");
            assertEquals("over TLS", consumer.receiveBody(String.class, WAIT));
            // The role cannot connect without TLS at all (pg_hba.conf rejects it); this says so
            // from the server's side for every backend of the role open right now: the journal's
            // and this check's own (a role sees its own backends in full).
            try (Connection c = DriverManager.getConnection(TestDatabases.postgresTlsUrl(ca),
                    TestDatabases.postgresTlsUser(), null);
                 PreparedStatement st = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE s.ssl)"
                         + " FROM pg_stat_activity a JOIN pg_stat_ssl s ON s.pid = a.pid WHERE a.usename = ?")) {
                st.setString(1, TestDatabases.postgresTlsUser());
                try (ResultSet rs = st.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getInt(1) >= 2, "the journal holds connections beside this one: " + rs.getInt(1));
                    assertEquals(rs.getInt(1), rs.getInt(2), "every connection of the journal's role uses TLS");
                }
            }
        }
    }

    @Test
    void aCertificateSignedByAnotherCaIsRefused() {
        Path other = TestDatabases.postgresTlsDirectory().resolve("other-ca.crt");
        JournalConnectionFactory f = factory(TestDatabases.postgresTlsUrl(other));
        // A security restriction prevents the connection (JMSSecurityException javadoc), and it is
        // reported at once rather than retried until the connect timeout: waiting cannot mend it.
        JMSSecurityException e = assertThrows(JMSSecurityException.class, f::createConnection);
        assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
        assertEquals("JMQ-TLS", e.getErrorCode());
        JMSSecurityRuntimeException r = assertThrows(JMSSecurityRuntimeException.class, f::createContext);
        assertTrue(r.getMessage().contains("TLS handshake failed"), r.getMessage());
    }

    @Test
    void withoutTlsTheRoleIsRefused() {
        String plain = TestDatabases.postgresUrl() + (TestDatabases.postgresUrl().contains("?") ? "&" : "?")
                + "sslmode=disable";
        JMSSecurityException e = assertThrows(JMSSecurityException.class, () -> factory(plain).createConnection());
        assertTrue(chain(e).contains("no encryption") || chain(e).contains("pg_hba.conf"),
                "refused by the hostssl rule: " + chain(e));
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
