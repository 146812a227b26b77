package org.journalmq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.util.function.Supplier;
import org.journalmq.jms.config.Settings;

/**
 * Where a {@link JournalConnectionFactory} finds the password of connections opened without one
 * (issue 15 item 3): the {@code password} setting, else a callback set in code, else the
 * environment variable named by {@code passwordEnv}. The password and the callback are never
 * serialized (the settings binder keeps the password apart, and the factory's callback field is
 * transient): a factory is serialized or bound in JNDI to be stored, and a password stored with it
 * would be a secret at rest.
 */
final class FactoryPassword {

    private FactoryPassword() {
    }

    /**
     * The password to use; null when none is configured. Read at each connect, so a rotated secret
     * is picked up by new connections.
     *
     * @throws JMSSecurityException when the named environment variable is not set
     */
    static String resolve(Settings settings, Supplier<char[]> supplier) throws JMSException {
        if (settings.password() != null) {
            return settings.password();
        }
        if (supplier != null) {
            char[] chars = supplier.get();
            return chars == null ? null : new String(chars);
        }
        String variable = settings.passwordEnv();
        if (variable == null) {
            return null;
        }
        String value = System.getenv(variable);
        if (value == null) {
            throw new JMSSecurityException("the environment variable " + variable + " named by the"
                    + " connection factory setting " + JournalConnectionFactory.PASSWORD_ENV + " is not set",
                    "JMQ-SECURITY");
        }
        return value;
    }
}
