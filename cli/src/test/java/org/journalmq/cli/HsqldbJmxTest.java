package org.journalmq.cli;

import java.nio.file.Path;
import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.io.TempDir;

/** The MBeans of an embedded HSQLDB file journal, fresh per test. */
class HsqldbJmxTest extends JmxContract {

    @TempDir
    Path dir;

    @Override
    List<String> journal() {
        return List.of("--url", url());
    }

    @Override
    JournalConnectionFactory factory() {
        return new JournalConnectionFactory(url());
    }

    private String url() {
        return "jdbc:hsqldb:file:" + dir.resolve("j");
    }
}
