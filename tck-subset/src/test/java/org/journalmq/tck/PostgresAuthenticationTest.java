package org.journalmq.tck;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.it.TestJournal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link AbstractAuthenticationTest} on Postgres, plus a role whose password PostgreSQL checks. */
class PostgresAuthenticationTest extends AbstractAuthenticationTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }

    /**
     * ConnectionFactory.createConnection(String, String) / createContext(String, String) javadoc:
     * JMSSecurityException / JMSSecurityRuntimeException "if client authentication fails due to an
     * invalid user name or password". With scram-sha-256 authentication (role journalmq_auth) the
     * right password works and a wrong one is refused, without the password in any message or log.
     */
    @Test
    void passwordAuthentication() throws Exception {
        JournalConfig config = TestDatabases.postgresWithPassword().build(); // skips/fails when not set up
        String user = config.user();
        String password = config.password();
        String wrong = "Wrong-" + password;
        JournalConnectionFactory cf = new JournalConnectionFactory(config.jdbcUrl());
        cf.setTablePrefix(config.tablePrefix());
        try {
            try (Connection c = cf.createConnection(user, password)) {
                c.start();
                Session s = c.createSession();
                Queue q = s.createQueue(uniqueQueue("auth"));
                s.createProducer(q).send(s.createTextMessage("authenticated"));
                assertEquals("authenticated", ((TextMessage) s.createConsumer(q).receive(WAIT)).getText());
            }
            try (JMSContext ctx = cf.createContext(user, password)) {
                ctx.createProducer().send(ctx.createQueue("auth-ctx"), "ok");
            }
            refused(JMSSecurityException.class, () -> cf.createConnection(user, wrong), user, wrong, password);
            refused(JMSSecurityException.class, () -> cf.createQueueConnection(user, wrong), user, wrong, password);
            refused(JMSSecurityException.class, () -> cf.createTopicConnection(user, wrong), user, wrong, password);
            refused(JMSSecurityRuntimeException.class, () -> cf.createContext(user, wrong), user, wrong, password);
            refused(JMSSecurityRuntimeException.class,
                    () -> cf.createContext(user, wrong, JMSContext.CLIENT_ACKNOWLEDGE), user, wrong, password);
        } finally {
            TestDatabases.dropAll(config);
        }
    }
}
