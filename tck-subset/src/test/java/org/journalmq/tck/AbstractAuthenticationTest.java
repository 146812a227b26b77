package org.journalmq.tck;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.journalmq.jms.it.TestJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Authentication (ConnectionFactory.createConnection(String, String) and createContext(String,
 * String) javadoc: JMSSecurityException / JMSSecurityRuntimeException "if client authentication
 * fails due to an invalid user name or password"). The credentials are the database's own.
 *
 * <p>On HSQLDB the test creates a database user with JDBC and grants it the journal's tables. On
 * PostgreSQL an unknown role is refused here, and {@link PostgresAuthenticationTest} checks a wrong
 * password against a role with password authentication (journalmq_auth, set up by .ci/run).
 */
public abstract class AbstractAuthenticationTest extends ConformanceBase {

    private static final String USER = "ALICE";
    private static final String PASSWORD = "s3cret-Alice-pw";
    private static final String WRONG = "wrong-Pass-9876";

    /** Creates USER with PASSWORD in the HSQLDB journal database, granted the journal's tables. */
    private void createHsqldbUser() throws Exception {
        connect().getMetaData(); // opens the journal: database and tables exist from here on
        try (var c = DriverManager.getConnection(journal.url(), "SA", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'");
            List<String> grants = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'JMQ\\_%' ESCAPE '\\'")) {
                while (rs.next()) {
                    grants.add("GRANT ALL PRIVILEGES ON TABLE " + rs.getString(1) + " TO " + USER);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES"
                    + " WHERE SEQUENCE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    grants.add("GRANT USAGE ON SEQUENCE " + rs.getString(1) + " TO " + USER);
                }
            }
            for (String g : grants) {
                st.execute(g);
            }
        }
    }

    /** The refused attempt, with everything it printed; no message anywhere may show the password. */
    private static <T extends Throwable> T refused(Class<T> type, Executable call) {
        return refused(type, call, USER, WRONG, PASSWORD);
    }

    /**
     * The refused attempt, with everything it printed to standard error (where the tests' SLF4J
     * binding logs): neither the log nor any message of the exception chain shows a password, and
     * the exception's own message does not name the user.
     */
    static <T extends Throwable> T refused(Class<T> type, Executable call, String user, String... passwords) {
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        T e;
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            e = assertThrows(type, call);
        } finally {
            System.setErr(err);
        }
        String log = printed.toString(StandardCharsets.UTF_8);
        for (String password : passwords) {
            assertFalse(log.contains(password), "password in the log: " + log);
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(password), "password in " + t);
            }
        }
        assertFalse(e.getMessage().contains(user), "user name in the message: " + e.getMessage());
        return e;
    }

    /** createConnection(user, password) authenticates with the database's credentials; wrong ones are refused. */
    @Test
    void databaseCredentials() throws Exception {
        if (journal.kind() == TestJournal.Kind.HSQLDB) {
            createHsqldbUser();
            try (Connection c = connectionFactory().createConnection(USER, PASSWORD)) {
                c.start();
                Session s = c.createSession();
                Queue q = queue(s);
                s.createProducer(q).send(s.createTextMessage("as alice"));
                assertEquals("as alice", ((TextMessage) s.createConsumer(q).receive(WAIT)).getText());
            }
            try (JMSContext ctx = connectionFactory().createContext(USER, PASSWORD, JMSContext.CLIENT_ACKNOWLEDGE)) {
                assertEquals(JMSContext.CLIENT_ACKNOWLEDGE, ctx.getSessionMode());
            }
            refused(JMSSecurityException.class, () -> connectionFactory().createConnection(USER, WRONG));
            refused(JMSSecurityException.class, () -> queueConnectionFactory().createQueueConnection(USER, WRONG));
            refused(JMSSecurityRuntimeException.class, () -> connectionFactory().createContext(USER, WRONG));
            refused(JMSSecurityRuntimeException.class,
                    () -> connectionFactory().createContext(USER, WRONG, JMSContext.SESSION_TRANSACTED));
        }
        // an unknown user is refused by every database
        refused(JMSSecurityException.class, () -> connectionFactory().createConnection("NO_SUCH_ROLE_JMQ", WRONG));
        refused(JMSSecurityRuntimeException.class, () -> connectionFactory().createContext("NO_SUCH_ROLE_JMQ", WRONG));
    }
}
