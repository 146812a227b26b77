package org.journalmq.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void classifiesBySqlState() {
        assertEquals(Kind.UNAVAILABLE, SqlErrors.kindOf(new SQLException("refused", "08001")));
        assertEquals(Kind.UNAVAILABLE, SqlErrors.kindOf(new SQLException("admin shutdown", "57P01")));
        assertEquals(Kind.AUTHENTICATION, SqlErrors.kindOf(new SQLException("password", "28P01")));
        assertEquals(Kind.AUTHENTICATION, SqlErrors.kindOf(new SQLException("hsqldb", "28501")));
        assertEquals(Kind.SCHEMA, SqlErrors.kindOf(new SQLException("no table", "42P01")));
        assertEquals(Kind.INVALID_ARGUMENT, SqlErrors.kindOf(new SQLException("too long", "22001")));
        assertEquals(Kind.INTERNAL, SqlErrors.kindOf(new SQLException("serialization", "40001")));
        assertEquals(Kind.INTERNAL, SqlErrors.kindOf(new SQLException("no state")));
    }

    /**
     * Issue 15 item 1: PostgreSQL's insufficient_privilege (a missing GRANT, or a row a row-level
     * security policy refuses) is FORBIDDEN; HSQLDB's 42501 ("user lacks privilege or object not
     * found", often a missing table) stays a schema failure.
     */
    @Test
    void insufficientPrivilegeIsForbiddenOnPostgresOnly() {
        SQLException postgres = new org.postgresql.util.PSQLException(new org.postgresql.util.ServerErrorMessage(
                "SERROR\0C42501\0Mnew row violates row-level security policy for table \"t_delivery\"\0"));
        assertEquals("42501", postgres.getSQLState());
        assertEquals(Kind.FORBIDDEN, SqlErrors.kindOf(postgres));
        assertEquals(Kind.FORBIDDEN, SqlErrors.wrap("write", postgres, "jdbc:postgresql://db/x").kind());
        assertEquals(Kind.SCHEMA, SqlErrors.kindOf(new SQLException("user lacks privilege or object not found: T_DELIVERY",
                "42501", -5501)));
    }

    /** Issue 13: a full disk is its own kind, from PostgreSQL's state or an embedded database's IOException. */
    @Test
    void aFullDiskIsDiskFull() {
        assertEquals(Kind.DISK_FULL, SqlErrors.kindOf(new SQLException(
                "could not extend file \"base/1/2\": No space left on device", "53100")));
        SQLException hsqldb = new SQLException("java.io.IOException: No space left on device", "S1000", -466,
                new RuntimeException("wrapper", new java.io.IOException("No space left on device")));
        assertEquals(Kind.DISK_FULL, SqlErrors.kindOf(hsqldb));
        assertEquals(Kind.DISK_FULL, SqlErrors.kindOf(new SQLException("Data File size limit is reached", "S1000",
                -468)));
        JournalException e = SqlErrors.wrap("write", hsqldb, "jdbc:hsqldb:file:/x/j");
        assertEquals(Kind.DISK_FULL, e.kind());
        assertTrue(e.getMessage().startsWith("the database's disk is full"), e.getMessage());
        assertEquals(Kind.INTERNAL, SqlErrors.kindOf(new SQLException("general", "S1000", -466,
                new java.io.IOException("Input/output error"))));
        assertEquals(Kind.INTERNAL, SqlErrors.kindOf(new SQLException("out of memory", "53200")));
    }

    /** A refused server certificate arrives as a connection failure (08006) with the TLS exception as its cause. */
    @Test
    void aFailedTlsHandshakeIsTlsNotAnOutage() {
        SQLException pgjdbc = new SQLException("SSL error: PKIX path building failed", "08006",
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed"));
        assertEquals(Kind.TLS, SqlErrors.kindOf(pgjdbc));
        assertEquals(Kind.TLS, SqlErrors.kindOf(new SQLTransientConnectionException("timed out", null, pgjdbc)));
        assertEquals(Kind.TLS, SqlErrors.kindOf(new SQLException("hostname", "08006",
                new java.security.cert.CertificateException("No subject alternative names"))));
        JournalException e = SqlErrors.wrap("open", pgjdbc, "jdbc:postgresql://db/x?password=secret");
        assertEquals(Kind.TLS, e.kind());
        assertTrue(e.getMessage().startsWith("TLS handshake failed"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertEquals(Kind.UNAVAILABLE, SqlErrors.kindOf(new SQLException("refused", "08001",
                new java.net.ConnectException("Connection refused"))));
    }

    @Test
    void poolTimeoutIsUnavailableAndTakesTheStateOfItsCause() {
        assertEquals(Kind.UNAVAILABLE, SqlErrors.kindOf(new SQLTransientConnectionException("timed out")));
        SQLException auth = new SQLException("role does not exist", "28000");
        assertEquals(Kind.AUTHENTICATION,
                SqlErrors.kindOf(new SQLTransientConnectionException("timed out", null, auth)));
    }

    @Test
    void retriesOnlySerializationFailuresAndDeadlocks() {
        assertTrue(SqlErrors.isRetryable(new SQLException("x", "40001")));
        assertTrue(SqlErrors.isRetryable(new SQLException("x", "40P01")));
        assertFalse(SqlErrors.isRetryable(new SQLException("x", "23505")));
    }

    /** MariaDB: deadlock 1213 (40001) and lock wait timeout 1205 (HY000) retry; other HY000 do not. */
    @Test
    void retriesMariaDbDeadlocksAndLockWaitTimeouts() {
        assertTrue(SqlErrors.isRetryable(new SQLException("Deadlock found", "40001", 1213)));
        assertTrue(SqlErrors.isRetryable(new SQLException("batch", null, 0, new SQLException("Lock wait timeout exceeded",
                "HY000", 1205))));
        assertFalse(SqlErrors.isRetryable(new SQLException("other", "HY000", 1290)));
        assertFalse(SqlErrors.isRetryable(new SQLException("not MariaDB's state", "S1000", 1205)));
    }

    @Test
    void recognisesUniqueViolationsOfEveryDatabase() {
        assertTrue(SqlErrors.isUniqueViolation(new SQLException("pg, hsqldb", "23505")));
        assertTrue(SqlErrors.isUniqueViolation(new SQLException("Duplicate entry", "23000", 1062)));
        assertTrue(SqlErrors.isUniqueViolation(new SQLException("Column cannot be null", "23000", 1048)));
        SQLException batch = new SQLException("batch failed", "HY000");
        batch.setNextException(new SQLException("Duplicate entry", "23000", 1062));
        assertTrue(SqlErrors.isUniqueViolation(batch), "next exception");
        assertFalse(SqlErrors.isUniqueViolation(new SQLException("foreign key", "23000", 1452)));
        assertFalse(SqlErrors.isUniqueViolation(new SQLException("check", "23514")));
    }

    @Test
    void wrapKeepsTheCauseAndMasksPasswords() {
        SQLException cause = new SQLException("connect to jdbc:x;password=hunter2 failed", "08001");
        JournalException e = SqlErrors.wrap("open", cause,
                "jdbc:postgresql://db:5432/j?user=u&password=hunter2&ssl=true");
        assertSame(cause, e.getCause());
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("jdbc:postgresql://db:5432/j?user=u&password=****&ssl=true"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void safeUrlMasksHsqldbStylePasswords() {
        assertEquals("jdbc:hsqldb:hsql://h/db;user=sa;password=****;x=1",
                SqlErrors.safeUrl("jdbc:hsqldb:hsql://h/db;user=sa;password=secret;x=1"));
        assertEquals("jdbc:hsqldb:mem:x", SqlErrors.safeUrl("jdbc:hsqldb:mem:x"));
    }
}
