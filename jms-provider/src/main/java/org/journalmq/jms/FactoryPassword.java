package org.journalmq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * Where a {@link JournalConnectionFactory} finds the password of connections opened without one
 * (issue 15 item 3). Only the environment variable's name is serialized: a factory is serialized
 * or bound in JNDI to be stored, and a password stored with it would be a secret at rest.
 */
final class FactoryPassword implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient String password;
    private transient Supplier<char[]> supplier;
    private String environmentVariable;

    void set(String password) {
        this.password = password;
    }

    void setSupplier(Supplier<char[]> supplier) {
        this.supplier = supplier;
    }

    String environmentVariable() {
        return environmentVariable;
    }

    /** @throws IllegalArgumentException when the name cannot be an environment variable's */
    void setEnvironmentVariable(String name) {
        if (name != null && (name.isBlank() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException(JournalConnectionFactory.PASSWORD_ENV
                    + " must be an environment variable name, was '" + name + "'");
        }
        this.environmentVariable = name;
    }

    /**
     * The password set in code, else the callback's, else the environment variable's; null when
     * none is configured. Read at each connect, so a rotated secret is picked up by new connections.
     *
     * @throws JMSSecurityException when the named environment variable is not set
     */
    String resolve() throws JMSException {
        if (password != null) {
            return password;
        }
        if (supplier != null) {
            char[] chars = supplier.get();
            return chars == null ? null : new String(chars);
        }
        if (environmentVariable == null) {
            return null;
        }
        String value = System.getenv(environmentVariable);
        if (value == null) {
            throw new JMSSecurityException("the environment variable " + environmentVariable + " named by the"
                    + " connection factory setting " + JournalConnectionFactory.PASSWORD_ENV + " is not set",
                    "JMQ-SECURITY");
        }
        return value;
    }
}
