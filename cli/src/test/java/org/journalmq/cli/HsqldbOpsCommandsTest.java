package org.journalmq.cli;

import java.nio.file.Path;
import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.io.TempDir;

/** The operator commands against a fresh embedded HSQLDB file journal per test. */
class HsqldbOpsCommandsTest extends OpsCommandContract {

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
