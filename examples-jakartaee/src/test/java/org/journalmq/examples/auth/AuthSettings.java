package org.journalmq.examples.auth;

/**
 * Names and credentials of the sign-on tests in GlassFish. The user is PostgreSQL's password-checked
 * role of .ci/run, with .ci/run's default password (the module pom gives the adapter the same one);
 * any other password is refused by the server.
 */
public final class AuthSettings {

    public static final String ADAPTER = "journalmq-auth";
    public static final String USER = "journalmq_auth";
    public static final String PASSWORD = "journalmq-auth-test";
    public static final String WRONG_PASSWORD = "not-" + PASSWORD;

    /** Container-managed, the pool holds the right password. */
    public static final String CF_RIGHT = "java:app/jms/authRight";
    /** Container-managed, the pool holds a wrong password. */
    public static final String CF_WRONG = "java:app/jms/authWrong";
    /** No user in the pool: for component-managed sign-on. */
    public static final String CF_APPLICATION = "java:app/jms/authApplication";

    public static final String MDB_QUEUE = "gf15-auth-mdb";
    public static final String MDB_WRONG_QUEUE = "gf15-auth-mdb-wrong";

    private AuthSettings() {
    }
}
