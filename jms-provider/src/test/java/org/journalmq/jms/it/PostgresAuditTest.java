package org.journalmq.jms.it;

import jakarta.jms.JMSSecurityException;
import java.nio.file.Path;
import org.journalmq.jms.JournalConnectionFactory;
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
