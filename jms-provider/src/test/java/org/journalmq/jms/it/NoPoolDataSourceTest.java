package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.journalmq.jms.it.child.NoPoolMain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, lean dependencies: HikariCP and the PostgreSQL driver are optional for an application
 * that gives the factory its own DataSource. A child JVM whose class path lacks both sends and
 * receives through the JMS API on an HSQLDB DataSource, and a journal on a URL, which needs the
 * pool, fails with a JMSException that says what to add (JournalConnectionFactory javadoc,
 * README "Dependencies").
 */
class NoPoolDataSourceTest {

    @TempDir
    Path dir;

    /** The test class path without the HikariCP and PostgreSQL jars. */
    private static String classPathWithoutPoolAndDriver(List<String> removed) {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("HikariCP-") || name.startsWith("postgresql-")) {
                removed.add(name);
            } else {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    @Test
    @DisplayName("DataSource mode runs with no HikariCP and no PostgreSQL driver; a URL then fails naming HikariCP")
    void dataSourceModeNeedsNeitherPoolNorDriver() throws Exception {
        List<String> removed = new ArrayList<>();
        String classPath = classPathWithoutPoolAndDriver(removed);
        // Otherwise the child proves nothing: both jars must have been on the class path to remove.
        assertEquals(2, removed.size(), () -> "expected the HikariCP and PostgreSQL jars on the test class path, removed "
                + removed);

        Path log = dir.resolve("child.log");
        String dataSourceUrl = "jdbc:hsqldb:file:" + dir.resolve("ds/journal") + ";hsqldb.tx=mvcc";
        String plainUrl = "jdbc:hsqldb:file:" + dir.resolve("url/journal");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", classPath, NoPoolMain.class.getName(), dataSourceUrl, plainUrl)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("child did not finish in 120 s:\n" + java.nio.file.Files.readString(log));
        }
        String output = java.nio.file.Files.readString(log);
        assertEquals(0, child.exitValue(), output);
        List<String> lines = Arrays.asList(output.split("\\R"));
        assertTrue(lines.contains("absent com.zaxxer.hikari.HikariDataSource"), output);
        assertTrue(lines.contains("absent org.postgresql.Driver"), output);
        assertTrue(lines.contains("received sent without HikariCP"), output);
        String refusal = lines.stream().filter(l -> l.startsWith("url ")).findFirst().orElse("(no url line)");
        assertTrue(refusal.startsWith("url refused: jakarta.jms.JMSException: "), output);
        assertTrue(refusal.contains("HikariCP is not on the class path"), refusal);
        assertTrue(refusal.contains("com.zaxxer:HikariCP"), refusal);
        assertTrue(!output.contains("NoClassDefFoundError"), () -> "no raw linkage error may escape:\n" + output);
    }
}
