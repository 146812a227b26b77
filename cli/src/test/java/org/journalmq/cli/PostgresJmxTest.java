package org.journalmq.cli;

import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The MBeans of a PostgreSQL journal, in tables of a random prefix dropped afterwards. */
class PostgresJmxTest extends JmxContract {

    @RegisterExtension
    static final PostgresJournal PG = new PostgresJournal();

    @Override
    List<String> journal() {
        return PG.options();
    }

    @Override
    JournalConnectionFactory factory() {
        return PG.factory();
    }
}
