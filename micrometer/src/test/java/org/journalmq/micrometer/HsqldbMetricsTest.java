package org.journalmq.micrometer;

import java.nio.file.Path;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.io.TempDir;

/** The binder on an embedded HSQLDB file journal, fresh per test. */
class HsqldbMetricsTest extends MetricsContract {

    @TempDir
    Path dir;

    @Override
    JournalConnectionFactory factory() {
        return new JournalConnectionFactory("jdbc:hsqldb:file:" + dir.resolve("j"));
    }
}
