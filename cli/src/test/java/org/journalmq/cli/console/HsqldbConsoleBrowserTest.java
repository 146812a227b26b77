package org.journalmq.cli.console;

import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.TestDatabases;

/**
 * The browser tests on an embedded HSQLDB journal with the console started in-process
 * ({@link JournalConsole#start}), as an application holding its embedded journal would.
 */
class HsqldbConsoleBrowserTest extends ConsoleBrowserContract {
    private final String url = TestDatabases.hsqldbMemUrl();

    @Override
    JournalConnectionFactory factory() {
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setJmxEnabled(false);
        return f;
    }

    @Override
    String database() {
        return "hsqldb";
    }
}
