package org.journalmq.cli;

import org.journalmq.jms.JournalConnectionFactory;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the journal is and how to log in: mixed into every subcommand. */
public class ConnectionOptions {

    /** The provider's embedded default, spelled out because the CLI sees only the public API. */
    static final String EMBEDDED_URL = "jdbc:hsqldb:file:journalmq-data/journal";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--url", paramLabel = "JDBC-URL", defaultValue = EMBEDDED_URL,
            description = "Journal database (default: ${DEFAULT-VALUE}, the embedded HSQLDB journal"
                    + " in ./journalmq-data). PostgreSQL: jdbc:postgresql://HOST:5432/DB")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:JOURNALMQ_PASSWORD}",
            showDefaultValue = Visibility.NEVER,
            description = "Database password (default: the JOURNALMQ_PASSWORD environment variable)."
                    + " Never printed.")
    String password;

    @Option(names = "--table-prefix", paramLabel = "PREFIX",
            description = "Prefix of the journal's tables: 1-20 letters, digits or underscores, starting"
                    + " with a letter (default: the provider's).")
    String tablePrefix;

    /**
     * A factory for these options. Malformed values (a URL not starting with jdbc:, a bad prefix)
     * are reported as usage errors, since they are the user's typing, not the database's state.
     */
    JournalConnectionFactory factory() {
        try {
            JournalConnectionFactory f = new JournalConnectionFactory(url);
            if (user != null) {
                f.setUser(user);
            }
            if (password != null && !password.isEmpty()) {
                f.setPassword(password);
            }
            if (tablePrefix != null) {
                f.setTablePrefix(tablePrefix);
            }
            return f;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), Redaction.redact(e.getMessage(), password));
        }
    }

    /**
     * An admin handle on the journal (stat, purge, move, dlq). JMX stays off: a command line run
     * has no console attached and needs no refresh thread.
     */
    org.journalmq.jms.admin.JournalAdmin admin() throws jakarta.jms.JMSException {
        JournalConnectionFactory f = factory();
        f.setJmxEnabled(false);
        return f.createAdmin();
    }

    /** The URL with any password in it masked, for printing. */
    String printableUrl() {
        return Redaction.redact(url, password);
    }
}
