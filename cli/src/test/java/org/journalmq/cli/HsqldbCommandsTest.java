package org.journalmq.cli;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The commands against a fresh embedded HSQLDB file journal per test. */
class HsqldbCommandsTest extends CommandContract {

    @TempDir
    Path dir;

    @Override
    List<String> journal() {
        return List.of("--url", "jdbc:hsqldb:file:" + dir.resolve("j"));
    }
}
