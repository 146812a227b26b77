package org.journalmq.cli;

import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator commands against PostgreSQL (claims with SKIP LOCKED race for real), tables dropped afterwards. */
class PostgresOpsCommandsTest extends OpsCommandContract {

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
