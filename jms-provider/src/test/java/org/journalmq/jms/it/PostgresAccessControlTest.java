package org.journalmq.jms.it;

import jakarta.jms.JMSSecurityException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.persistence.AccessGrant;
import org.journalmq.persistence.AccessGrant.Operation;
import org.journalmq.persistence.PostgresRoles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link AbstractAccessControlTest} on PostgreSQL, with login roles acl15_alice, acl15_bob and
 * acl15_admin granted the test's tables; plus a grant to a group role, which covers its members
 * (issue 15 item 1: "on PostgreSQL also a role the user is a member of").
 */
class PostgresAccessControlTest extends AbstractAccessControlTest {
    private static final String GROUP = "acl15_readers";

    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }

    /** A superuser connection: only it may create roles (trust authentication on the test server). */
    private static Connection superuser() throws SQLException {
        Connection c = DriverManager.getConnection(TestJournal.PG_URL, "postgres", null);
        c.setAutoCommit(true);
        return c;
    }

    /** Creates a role unless it exists; a concurrent creation by another run counts as existing. */
    private static void createRole(Statement st, String role, String options) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            if (rs.next()) {
                return;
            }
        }
        try {
            st.execute("CREATE ROLE " + role + " " + options);
        } catch (SQLException e) {
            if (!"42710".equals(e.getSQLState())) { // duplicate_object
                throw e;
            }
        }
    }

    @Override
    protected void createUser(String user) throws Exception {
        PostgresRoles.ensureLogin(user, PASSWORD);
        // the tables' owner grants them
        try (Connection owner = DriverManager.getConnection(journal.url(), journal.user(), null)) {
            PostgresRoles.grantAllTables(owner, journal.prefix(), user);
        }
    }

    @Override
    protected String alice() {
        return "acl15_alice";
    }

    @Override
    protected String bob() {
        return "acl15_bob";
    }

    @Override
    protected String admin() {
        return "acl15_admin";
    }

    @Override
    protected String owner() {
        return journal.user();
    }

    @Test
    void aGrantToARoleCoversItsMembers() throws Exception {
        try (JournalAdmin owner = factory.createAdmin()) {
            createUser(alice());
            createUser(bob());
            try (Connection c = superuser(); Statement st = c.createStatement()) {
                createRole(st, GROUP, "NOLOGIN");
                st.execute("GRANT " + GROUP + " TO " + alice()); // idempotent: a notice when granted before
                st.execute("REVOKE " + GROUP + " FROM " + bob());
            }
            owner.grant(List.of(new AccessGrant(owner(), Operation.MANAGE, "queue:*"),
                    new AccessGrant(owner(), Operation.MANAGE, "topic:*"),
                    new AccessGrant(owner(), Operation.SEND, "queue:*"),
                    new AccessGrant(GROUP, Operation.CONSUME, "queue:reports")));
            Queue reports;
            try (var own = factory.createConnection()) {
                Session s = own.createSession();
                reports = s.createQueue("reports");
                s.createProducer(reports).send(s.createTextMessage("report"));
            }
            try (var alice = factory.createConnection(alice(), PASSWORD);
                 var bob = factory.createConnection(bob(), PASSWORD)) {
                alice.start();
                JMSSecurityException e = assertThrows(JMSSecurityException.class,
                        () -> bob.createSession().createConsumer(reports));
                assertEquals(JmsExceptions.ACCESS_REFUSED, e.getErrorCode());
                var consumer = alice.createSession().createConsumer(reports);
                assertEquals("report", ((TextMessage) consumer.receive(5_000)).getText());
            }
        }
    }
}
