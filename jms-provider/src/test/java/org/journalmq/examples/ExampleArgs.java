package org.journalmq.examples;

import org.journalmq.jms.JournalConnectionFactory;

/** The command-line arguments both examples take: URL, user ("-" for none), table prefix. */
final class ExampleArgs {

    private ExampleArgs() {
    }

    static JournalConnectionFactory factory(String[] args) {
        JournalConnectionFactory factory = new JournalConnectionFactory(
                args.length > 0 ? args[0] : "jdbc:hsqldb:file:journalmq-data/journal");
        if (args.length > 1 && !"-".equals(args[1])) {
            factory.setUser(args[1]);
        }
        if (args.length > 2) {
            factory.setTablePrefix(args[2]);
        }
        return factory;
    }

    /** The JDBC user of the application's own connection: the journal's, or HSQLDB's default SA. */
    static String jdbcUser(String[] args) {
        return args.length > 1 && !"-".equals(args[1]) ? args[1] : "SA";
    }

    static String jdbcPassword(String[] args) {
        return args.length > 1 && !"-".equals(args[1]) ? null : "";
    }
}
