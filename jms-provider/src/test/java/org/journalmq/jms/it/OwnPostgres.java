package org.journalmq.jms.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL cluster (15, as Debian installs it) of the test's own (issue 13), so that a test may restart, crash or stop
 * the database under load without touching the shared server on 5432 that other tests use.
 * {@code initdb} into a directory under {@code target/}, on a free port from 55432 up, listening on
 * 127.0.0.1 only, trust authentication, prepared transactions on. The PostgreSQL binaries refuse to
 * run as root, so they run as user {@code postgres} through {@code runuser}; the directory is
 * given to that user.
 *
 * <p>Use as a static {@code @RegisterExtension}: the cluster starts before the class's tests and is
 * stopped and deleted after them, also when they fail (and from a shutdown hook if the JVM ends
 * early). Without root or without the binaries the tests are skipped with the reason, except under
 * {@code CI=true}, where they fail ({@link TestDatabases#skipOrFail}).
 */
final class OwnPostgres implements BeforeAllCallback, AfterAllCallback {
    /** PostgreSQL 15's binaries (Debian's layout), else those of the newest version installed. */
    static final Path BIN = binaries();
    private static final int FIRST_PORT = 55432;

    private Path dir;
    private Path data;
    private Path log;
    private int port;
    private Thread cleanup;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String problem = problem();
        if (problem != null) {
            TestDatabases.skipOrFail(problem, "an own PostgreSQL cluster");
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root.resolve("15/bin")) || !Files.isDirectory(root)) {
            return root.resolve("15/bin");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .orElse(root.resolve("15")).resolve("bin");
        } catch (IOException e) {
            return root.resolve("15/bin");
        }
    }

    /** Why no cluster can be made here, or null. */
    private static String problem() {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
            return "PostgreSQL 15 binaries not found in " + BIN + " (package postgresql-15)";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "an own PostgreSQL cluster needs root (to run initdb and pg_ctl as user postgres); running as "
                    + System.getProperty("user.name");
        }
        return null;
    }

    /** initdb, configure, start; waits until the server accepts connections. */
    void start() throws IOException, InterruptedException {
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        dir = target.resolve("own-pg-" + UUID.randomUUID().toString().substring(0, 8));
        data = dir.resolve("data");
        log = dir.resolve("server.log");
        Files.createDirectories(dir);
        cleanup = new Thread(this::close, "own-postgres-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        run("chown", "postgres:postgres", dir.toString());
        port = freePort();
        asPostgres(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync");
        String conf = "\n# own cluster of a JournalMQ test (issue 13)\n"
                + "port = " + port + "\n"
                + "listen_addresses = '127.0.0.1'\n"
                + "unix_socket_directories = '" + dir + "'\n"
                + "max_prepared_transactions = 20\n"
                + "max_connections = 60\n"
                + "shared_buffers = 32MB\n";
        Files.writeString(data.resolve("postgresql.conf"), conf, java.nio.file.StandardOpenOption.APPEND);
        pgCtl("start", "-l", log.toString());
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String user() {
        return "postgres";
    }

    int port() {
        return port;
    }

    /** {@code pg_ctl restart -m fast}: sessions are terminated, the server shuts down cleanly and starts. */
    void restartFast() throws IOException, InterruptedException {
        pgCtl("restart", "-m", "fast", "-l", log.toString());
    }

    /** {@code pg_ctl restart -m immediate}: a crash (no checkpoint), then a start with crash recovery. */
    void restartImmediate() throws IOException, InterruptedException {
        pgCtl("restart", "-m", "immediate", "-l", log.toString());
    }

    /** Stops the server (fast) and returns at once: it stays down until {@link #startAgain}. */
    void stop() throws IOException, InterruptedException {
        pgCtl("stop", "-m", "fast");
    }

    /** Starts the stopped server again; returns when it accepts connections. */
    void startAgain() throws IOException, InterruptedException {
        pgCtl("start", "-l", log.toString());
    }

    /**
     * Makes every commit wait {@code micros} before its WAL flush ({@code commit_delay} with
     * {@code commit_siblings = 0}), or no longer with 0: a crash then finds commits under way far
     * more often than with commits of a fraction of a millisecond.
     */
    void commitDelay(int micros) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url(), user(), null);
             java.sql.Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET commit_delay = " + micros);
            s.execute("ALTER SYSTEM SET commit_siblings = 0");
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** Stops the server (immediately: nothing of it is kept) and deletes its directory. */
    synchronized void close() {
        if (dir == null) {
            return;
        }
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pgCtl("stop", "-m", "immediate");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("own PostgreSQL: stop failed: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("own PostgreSQL: could not delete " + dir + ": " + e.getMessage());
        }
        dir = null;
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
    }

    private void pgCtl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w",
                "-t", "60"));
        cmd.addAll(List.of(args));
        asPostgres(cmd.toArray(String[]::new));
    }

    private static void asPostgres(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(List.of(command));
        run(cmd.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            throw new IOException("failed (exit " + p.exitValue() + "): " + String.join(" ", command) + "\n" + out);
        }
    }

    /** The first port from 55432 up that nothing listens on (checked by binding it). */
    private static int freePort() throws IOException {
        for (int port = FIRST_PORT; port < FIRST_PORT + 500; port++) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
                return port;
            } catch (IOException busy) {
                // taken: try the next
            }
        }
        throw new IOException("no free port in " + FIRST_PORT + ".." + (FIRST_PORT + 499));
    }
}
