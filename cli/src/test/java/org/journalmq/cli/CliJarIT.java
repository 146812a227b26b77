package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code journalmq-cli.jar} (integration-test phase), run as a user runs it, in its own
 * JVM: the exit status a script sees, the version from the jar's manifest, and the drivers it
 * bundles (the provider's PostgreSQL dependency is optional; the command line must not need it added).
 */
class CliJarIT {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run journalmq(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", System.getProperty("journalmq.cli.jar")));
        cmd.addAll(Arrays.asList(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("journalmq " + String.join(" ", args) + " did not exit within 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    @DisplayName("journalmq receive exits 3 when no message arrived, 0 when one did (README, Command line)")
    void receiveExitStatusAsAScriptSeesIt() throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("journal/journal");
        Run none = journalmq("receive", "--url", url, "--queue", "empty", "--timeout", "200");
        assertEquals(3, none.exit(), none::toString);
        assertEquals("", none.out(), none::toString);
        assertTrue(none.err().contains("no message on queue 'empty' within 200 ms"), none::toString);

        Run sent = journalmq("send", "--url", url, "--queue", "jobs", "hello");
        assertEquals(0, sent.exit(), sent::toString);
        Run got = journalmq("receive", "--url", url, "--queue", "jobs", "--timeout", "5000");
        assertEquals(0, got.exit(), got::toString);
        assertEquals("hello", got.out().strip(), got::toString);
    }

    @Test
    @DisplayName("journalmq --version prints the version written in the jar's manifest")
    void versionFromTheManifest() throws Exception {
        Run r = journalmq("--version");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("journalmq " + System.getProperty("journalmq.version"), r.out().strip(), r::toString);
    }

    @Test
    @DisplayName("the jar bundles HSQLDB, HikariCP and the PostgreSQL and MariaDB drivers, all three registered")
    void bundlesDriversAndPool() throws IOException {
        try (ZipFile jar = new ZipFile(System.getProperty("journalmq.cli.jar"))) {
            for (String cls : List.of("org/postgresql/Driver.class", "org/mariadb/jdbc/Driver.class",
                    "org/hsqldb/jdbc/JDBCDriver.class",
                    "com/zaxxer/hikari/HikariDataSource.class")) {
                assertTrue(jar.getEntry(cls) != null, cls);
            }
            String drivers = new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver"))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(drivers.contains("org.postgresql.Driver"), drivers);
            assertTrue(drivers.contains("org.mariadb.jdbc.Driver"), drivers);
            assertTrue(drivers.contains("org.hsqldb.jdbc.JDBCDriver"), drivers);
        }
    }
}
