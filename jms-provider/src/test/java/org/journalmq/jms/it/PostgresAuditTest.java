package org.journalmq.jms.it;

import jakarta.jms.JMSSecurityException;
import java.nio.file.Path;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.Journals;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link AbstractAuditTest} on PostgreSQL, plus the refusals only PostgreSQL's set-up gives. */
class PostgresAuditTest extends AbstractAuditTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }

    @Override
    protected String databaseUser() {
        return journal.user();
    }

    @Test
    void aRefusedLoginIsAuditedWithTheUserTriedAndNoPassword() throws Exception {
        // a role whose password the server checks (.ci/run): a wrong one is refused
        TestDatabases.assumePostgresPasswordAuth();
        assertLoginRefusedAudited(TestDatabases.postgresAuthUser(), "not-" + TestDatabases.postgresAuthPassword(),
                Journals.safeUrl(journal.url()));
    }

    @Test
    void anAdminCommandOfAPasswordCheckedRoleNamesTheRoleNotItsPassword() throws Exception {
        TestDatabases.assumePostgresPasswordAuth();
        JournalConnectionFactory f = new JournalConnectionFactory(journal.url());
        f.setUser(TestDatabases.postgresAuthUser());
        f.setPassword(TestDatabases.postgresAuthPassword());
        f.setTablePrefix(TestDatabases.randomPrefix());
        String queue = uniqueQueue("audit-auth");
        try (jakarta.jms.Connection c = f.createConnection(); JournalAdmin admin = f.createAdmin()) {
            jakarta.jms.Session s = c.createSession();
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage("x"));
            try (AuditLog log = new AuditLog()) {
                assertEquals(1, admin.purgeQueue(queue));
                assertEquals("JMQ9001 purge of queue " + queue + " removed 1 message(s) (user "
                        + TestDatabases.postgresAuthUser() + ", os user " + System.getProperty("user.name") + ")",
                        text(log.line("JMQ9001")));
                log.assertAbsent(TestDatabases.postgresAuthPassword());
            }
        } finally {
            TestDatabases.dropAll(JournalConfig.builder(journal.url()).user(TestDatabases.postgresAuthUser())
                    .password(TestDatabases.postgresAuthPassword()).tablePrefix(f.getTablePrefix()).build());
        }
    }

    @Test
    void aRefusedTlsHandshakeIsAuditedWithTheFactorysUser() throws Exception {
        TestDatabases.assumePostgresTls();
        // a server certificate the client does not trust: signed by another CA than the one given
        Path other = TestDatabases.postgresTlsDirectory().resolve("other-ca.crt");
        String url = TestDatabases.postgresTlsUrl(other);
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setUser(TestDatabases.postgresTlsUser());
        f.setTablePrefix(journal.prefix());
        try (AuditLog log = new AuditLog()) {
            JMSSecurityException e = assertThrows(JMSSecurityException.class, f::createConnection);
            assertEquals("JMQ-TLS", e.getErrorCode());
            assertEquals("JMQ9102 connection to the journal at " + Journals.safeUrl(url)
                    + " refused: TLS handshake failed (user " + TestDatabases.postgresTlsUser() + ", os user "
                    + System.getProperty("user.name") + ")", text(log.line("JMQ9102")));
        }
    }
}
