package org.journalmq.jms.audit;

import java.util.Locale;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.Journals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail (issue 15 item 6): refused operations and operators' commands, one INFO line
 * each on the logger {@value #LOGGER}, starting with a stable id and ending with the acting user.
 * A dedicated logger lets an operator route the trail to its own file or system whatever the level
 * of the provider's other loggers.
 *
 * <p>The acting user is the journal's database user and the OS user of the JVM: JournalMQ's users
 * are the database's users, and the OS user tells who ran a command-line tool with a shared
 * database account. Lines name destinations and counts, never a password or a message body.
 *
 * <p>A new audited event (ACL changes, issue 15 item 1) gets its own method and the next free id of
 * its block: 90xx operators' commands, 91xx refusals; the README's log-id table lists them.
 *
 * <p>This package depends on nothing of the facade, so any package of it may call here.
 */
public final class Audit {

    /** The name of the audit logger. */
    public static final String LOGGER = "org.journalmq.audit";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private Audit() {
    }

    // ---------------------------------------------------------------- operators' commands (90xx)

    /** A purge of a destination ({@code what}: "queue orders", "subscription s1 of topic t"). */
    public static void purge(JournalConfig config, String what, long removed) {
        LOG.info("JMQ9001 purge of {} removed {} message(s) ({})", what, removed, actor(config));
    }

    /**
     * A move between queues, or a dead-letter replay; logged once per command when it ended.
     *
     * @param toQueue  the target queue, or null for a replay to the original destinations
     * @param selector the selector as given, or null
     * @param failure  why the command stopped before its end, or null when it completed
     */
    public static void move(JournalConfig config, boolean replay, String fromQueue, String toQueue, String selector,
                            long moved, Throwable failure) {
        String target = toQueue == null ? "their original destinations" : "queue " + toQueue;
        String chosen = selector == null || selector.isBlank() ? "" : " selected by '" + selector + "'";
        String outcome = failure == null ? "" : "; it stopped on " + failure.getClass().getSimpleName();
        if (replay) {
            LOG.info("JMQ9003 dead-letter replay from queue {} to {} moved {} message(s){}{} ({})",
                    fromQueue, target, moved, chosen, outcome, actor(config));
        } else {
            LOG.info("JMQ9002 move from queue {} to {} moved {} message(s){}{} ({})",
                    fromQueue, target, moved, chosen, outcome, actor(config));
        }
    }

    /**
     * An access control grant (issue 15 item 1).
     *
     * @param bootstrap true when the list was empty before: this grant switched the rules on, and
     *                  needed no permission
     */
    public static void aclGrant(JournalConfig config, String grant, boolean added, boolean bootstrap) {
        String how = bootstrap ? " (first grant: the access control list was empty, so it was permitted to anyone"
                + " and the rules apply from now on)" : added ? "" : " (it existed already)";
        LOG.info("JMQ9004 access grant {}{} ({})", grant, how, actor(config));
    }

    /** An access control revoke (issue 15 item 1). */
    public static void aclRevoke(JournalConfig config, String grant, boolean removed) {
        LOG.info("JMQ9005 access revoke {}{} ({})", grant, removed ? "" : " (there was no such grant)", actor(config));
    }

    // ---------------------------------------------------------------- refusals (91xx)

    /** The database refused the credentials of a connection or admin to the journal at {@code url}. */
    public static void loginRefused(JournalConfig config) {
        LOG.info("JMQ9101 login to the journal at {} refused: the database refused the credentials ({})",
                location(config), actor(config));
    }

    /** The TLS handshake with the journal's database failed (an untrusted certificate). */
    public static void tlsRefused(JournalConfig config) {
        LOG.info("JMQ9102 connection to the journal at {} refused: TLS handshake failed ({})",
                location(config), actor(config));
    }

    /**
     * A consumer or browser on a temporary destination that its connection does not own.
     *
     * @param operation "consume from" or "browse"
     */
    public static void temporaryRefused(JournalConfig config, String operation, String destination) {
        if ("browse".equals(operation)) {
            LOG.info("JMQ9104 browse of {} refused: it belongs to another connection or was deleted ({})",
                    destination, actor(config));
        } else {
            LOG.info("JMQ9103 consume from {} refused: it belongs to another connection or was deleted ({})",
                    destination, actor(config));
        }
    }

    /**
     * An ObjectMessage body refused by the deserialization filter; {@code why} names the class and
     * the setting (the filter's text), never the body's content.
     */
    public static void bodyRefused(JournalConfig config, String destination, String messageId, String why) {
        LOG.info("JMQ9105 ObjectMessage body of {} from {} refused by the deserialization filter: {} ({})",
                messageId, destination, why, actor(config));
    }

    /**
     * An operation the access control list does not permit (issue 15 item 1).
     *
     * @param operation   send, consume, browse or manage
     * @param destination as patterns name it, e.g. queue:orders
     */
    public static void accessRefused(JournalConfig config, String operation, String destination) {
        LOG.info("JMQ9106 {} on {} refused: not permitted by the access control list ({})", operation, destination,
                actor(config));
    }

    // ---------------------------------------------------------------- the acting user

    /** "user journalmq, os user alice": who acted, for the end of every audit line. */
    public static String actor(JournalConfig config) {
        return "user " + databaseUser(config) + ", os user " + System.getProperty("user.name", "?");
    }

    /**
     * The database user a journal connects as: the configured one, else the {@code user} parameter
     * of the URL, else the driver's default (HSQLDB: SA; PostgreSQL's pgjdbc: the OS user). Read
     * from the configuration rather than the database, so a refused login, which has no
     * connection to ask, names its user too.
     */
    static String databaseUser(JournalConfig config) {
        if (config.user() != null && !config.user().isBlank()) {
            return config.user();
        }
        String url = config.jdbcUrl();
        if (config.dataSource() != null || url == null) {
            return "(the DataSource's user)";
        }
        String fromUrl = urlParameter(url, "user");
        if (fromUrl != null) {
            return fromUrl;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:hsqldb:")) {
            return "SA";
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return System.getProperty("user.name", "?");
        }
        return "(the database's default user)";
    }

    /** A {@code name=value} parameter of a URL, after '?' or ';' and up to '&' or ';'. */
    private static String urlParameter(String url, String name) {
        int q = url.indexOf('?');
        int semicolon = url.indexOf(';');
        int start = q < 0 ? semicolon : semicolon < 0 ? q : Math.min(q, semicolon);
        if (start < 0) {
            return null;
        }
        for (String part : url.substring(start + 1).split("[&;?]")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String value = part.substring(eq + 1).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String location(JournalConfig config) {
        return Journals.safeUrl(config.location());
    }
}
