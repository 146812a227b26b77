package org.journalmq.jms.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A pg_auto_failover formation of the test's own (issue 13 item 2): a monitor and two PostgreSQL 15
 * nodes on 127.0.0.1, on free ports from 56000 up, trust authentication, synchronous replication
 * (pg_auto_failover's default with two nodes). {@code pg_autoctl} runs as user {@code postgres}
 * with its state under the formation's directory (XDG_CONFIG_HOME, XDG_DATA_HOME), so nothing is
 * left in the postgres user's home. Needs root, {@code pg_autoctl} (packages pg-auto-failover-cli
 * and postgresql-15-auto-failover, which {@code .ci/run} installs) and the PostgreSQL binaries;
 * otherwise skipped, or failed under CI=true.
 */
final class AutoFailoverCluster implements BeforeAllCallback, AfterAllCallback {
    private static final Path PG_AUTOCTL = Path.of("/usr/bin/pg_autoctl");

    private Path dir;
    private final int[] ports = new int[3];
    private final List<Process> processes = new ArrayList<>();
    private Thread cleanup;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isExecutable(PG_AUTOCTL) || !Files.isExecutable(OwnPostgres.BIN.resolve("pg_ctl"))) {
            TestDatabases.skipOrFail("pg_autoctl or the PostgreSQL binaries are missing (apt-get install"
                    + " pg-auto-failover-cli postgresql-15-auto-failover)", "a pg_auto_failover formation");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            TestDatabases.skipOrFail("a pg_auto_failover formation needs root (pg_autoctl runs as user postgres)",
                    "a pg_auto_failover formation");
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Monitor, then node 1 (the first primary), then node 2; returns when node 2 streams synchronously. */
    void start() throws Exception {
        dir = Path.of("target").toAbsolutePath().resolve("own-ha-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(dir);
        cleanup = new Thread(this::close, "auto-failover-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        new ProcessBuilder("chown", "postgres:postgres", dir.toString()).start().waitFor();
        int next = 56000;
        for (int i = 0; i < 3; i++) {
            ports[i] = freePort(next);
            next = ports[i] + 1;
        }
        autoctl("monitor", "create", "monitor", "--pgdata", data("monitor"), "--pgport", "" + ports[0]);
        awaitSql(ports[0], "pg_auto_failover", "SELECT 1");
        String monitor = "postgres://autoctl_node@127.0.0.1:" + ports[0] + "/pg_auto_failover?sslmode=disable";
        autoctl("node1", "create", "postgres", "--pgdata", data("node1"), "--pgport", "" + ports[1], "--monitor", monitor);
        awaitSql(ports[1], "postgres", "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 1 END");
        autoctl("node2", "create", "postgres", "--pgdata", data("node2"), "--pgport", "" + ports[2], "--monitor", monitor);
        // Ready when node 2 streams and node 1 waits for it on every commit...
        awaitSql(ports[1], "postgres", "SELECT 1 FROM pg_stat_replication WHERE state = 'streaming'"
                + " AND sync_state IN ('sync', 'quorum')");
        // ...and the monitor has settled both nodes: it promotes only a node that reached "secondary",
        // and assigns no new goal state before the current one is reached.
        awaitSql(ports[0], "pg_auto_failover", "SELECT CASE WHEN count(*) = 2 THEN 1 END FROM pgautofailover.node"
                + " WHERE (nodeport = " + ports[1] + " AND reportedstate = 'primary' AND goalstate = 'primary')"
                + " OR (nodeport = " + ports[2] + " AND reportedstate = 'secondary' AND goalstate = 'secondary')");
    }

    /** The multi-host URL an application uses: whichever node is primary. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[2]
                + "/postgres?targetServerType=primary";
    }

    /** Port of node 1 or 2. */
    int nodePort(int node) {
        return ports[node];
    }

    /**
     * kill -9 of a node's pg_autoctl together with its postgres (pg_autoctl restarts a postgres killed
     * alone); returns once the node's port refuses connections, so that the failover really starts.
     */
    void killNode(int node) throws InterruptedException {
        Process p = processes.get(node);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        killPostmaster("node" + node); // should it have left the process tree
        if (!RestartLoad.await(30_000, () -> !answers(ports[node], "postgres", "SELECT 1"))) {
            throw new IllegalStateException("node " + node + " still answers after kill -9; " + describe());
        }
    }

    /**
     * What the monitor knows, for a failure message: each node's reported and goal state and health,
     * the last events (why a failover did or did not go on), and the end of each pg_autoctl log.
     */
    String describe() {
        StringBuilder b = new StringBuilder("pg_auto_failover formation in ").append(dir).append('\n');
        query(b, "SELECT nodeid, nodeport, reportedstate, goalstate, health, reportedlsn, reporttime"
                + " FROM pgautofailover.node ORDER BY nodeid");
        query(b, "SELECT * FROM (SELECT eventid, eventtime, nodeid, reportedstate, goalstate, description"
                + " FROM pgautofailover.event ORDER BY eventid DESC LIMIT 20) e ORDER BY eventid");
        for (String name : List.of("monitor", "node1", "node2")) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
                b.append("-- last lines of ").append(name).append(".log\n");
                lines.subList(Math.max(0, lines.size() - 25), lines.size()).forEach(l -> b.append(l).append('\n'));
            } catch (IOException | RuntimeException e) {
                b.append("-- ").append(name).append(".log: ").append(e).append('\n');
            }
        }
        return b.toString();
    }

    private void query(StringBuilder b, String sql) {
        try (Connection c = connect(ports[0], "pg_auto_failover"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                b.append('\n');
            }
        } catch (SQLException e) {
            b.append("-- monitor query failed: ").append(e.getMessage()).append('\n');
        }
    }

    /** True when the node at {@code port} answers as a primary. */
    static boolean isPrimary(int port) {
        return answers(port, "postgres", "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 1 END");
    }

    synchronized void close() {
        if (dir == null) {
            return;
        }
        for (Process p : processes) { // pg_autoctl first, so that no postgres is started again
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (String name : List.of("monitor", "node1", "node2")) {
            killPostmaster(name);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("auto-failover cluster: could not delete " + dir + ": " + e.getMessage());
        }
        dir = null;
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // this is the hook
        }
    }

    /** kill -9 of the postgres (and its children) that the data directory NAME names in postmaster.pid. */
    private void killPostmaster(String name) {
        Path pid = dir.resolve(name).resolve("postmaster.pid");
        try {
            if (Files.exists(pid)) {
                long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
                ProcessHandle.of(postmaster).ifPresent(h -> {
                    h.descendants().forEach(ProcessHandle::destroyForcibly);
                    h.destroyForcibly();
                });
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("auto-failover cluster: " + name + ": " + e);
        }
    }

    private String data(String name) {
        return dir.resolve(name).toString();
    }

    /** Starts {@code pg_autoctl ARGS --run} as postgres in the background, its output in NAME.log. */
    private void autoctl(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "postgres", "--", "env",
                "PATH=" + OwnPostgres.BIN + ":/usr/bin:/bin", "XDG_CONFIG_HOME=" + dir.resolve("config"),
                "XDG_DATA_HOME=" + dir.resolve("share"), PG_AUTOCTL.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl", "--run"));
        processes.add(new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start());
    }

    /** Waits (at most 3 minutes) until the query answers a row at the port. */
    private void awaitSql(int port, String database, String query) throws Exception {
        if (!RestartLoad.await(180_000, () -> answers(port, database, query))) {
            throw new IllegalStateException("pg_auto_failover formation not ready (" + query + " on " + port
                    + "); logs in " + dir);
        }
    }

    private static boolean answers(int port, String database, String query) {
        try (Connection c = connect(port, database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() && rs.getObject(1) != null;
        } catch (SQLException e) {
            return false;
        }
    }

    /** As user postgres (trust), giving up after 3 s: a killed node must not stall the test. */
    private static Connection connect(int port, String database) throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", null);
    }

    private static int freePort(int from) throws IOException {
        for (int port = from; port < from + 500; port++) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                return port;
            } catch (IOException busy) {
                // taken
            }
        }
        throw new IOException("no free port from " + from);
    }
}
