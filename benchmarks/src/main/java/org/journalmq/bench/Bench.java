package org.journalmq.bench;

import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.journalmq.bench.peer.JournalPeer;
import org.journalmq.bench.peer.TempDirs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end benchmarks through the JMS API alone, on JournalMQ and on embedded peer brokers.
 * Prints the machine, then one Markdown table row per scenario and peer, then the side-by-side
 * ratios. See benchmarks/README.md.
 */
@Command(name = "journalmq-bench", mixinStandardHelpOptions = true,
        description = "Throughput and latency of JournalMQ through the JMS API (see benchmarks/README.md).")
public class Bench implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "JDBC-URL",
            description = "Journal database (default: a fresh HSQLDB file journal in a temporary directory,"
                    + " deleted afterwards).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:JOURNALMQ_PASSWORD}",
            showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Database password (default: the JOURNALMQ_PASSWORD environment variable).")
    String password;

    @Option(names = "--table-prefix", paramLabel = "PREFIX", description = "Prefix of the journal's tables.")
    String tablePrefix;

    @Option(names = "--scenario", defaultValue = "all", paramLabel = "NAME",
            description = "all, or one or more of raw-commit, sync-send, tx-batch, e2e, e2e-paced, competing, fanout,"
                    + " backlog, backlog-dups-ok, selector-drain, selector-deep, cross-jvm, idle, xa, local-tx,"
                    + " row-then-send, separated by commas (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--messages", paramLabel = "N",
            description = "Messages per scenario (default: the scenario's own, see README).")
    Integer messages;

    @Option(names = "--size", defaultValue = "1024", paramLabel = "BYTES",
            description = "Body size (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--warmup", defaultValue = "1000", paramLabel = "N",
            description = "Messages of an unmeasured run before each scenario, 0 for none (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--passes", defaultValue = "1", paramLabel = "N",
            description = "Measured runs of each scenario per peer; the ratio table compares their medians"
                    + " (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "Longest wait for a scenario's consumers (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--consumer-ack", defaultValue = "auto", paramLabel = "MODE",
            description = "Acknowledge mode of the listeners: auto (AUTO_ACKNOWLEDGE, the default) or dups-ok"
                    + " (DUPS_OK_ACKNOWLEDGE: acks need not be committed before the next delivery).")
    String consumerAck;

    @Option(names = "--peer", defaultValue = "journalmq", paramLabel = "NAMES",
            description = "journalmq, artemis, classic-kahadb, classic-jdbc, or several separated by commas, run one"
                    + " after the other in this JVM (default: ${DEFAULT-VALUE}).")
    String peer;

    @Option(names = "--prefetch", defaultValue = "16", paramLabel = "N",
            description = "Messages a consumer holds ahead, mapped to each peer's setting (default: ${DEFAULT-VALUE}).")
    int prefetch;

    @Option(names = "--groups", defaultValue = "0", paramLabel = "N",
            description = "Message groups of the e2e and competing scenarios: message seq gets JMSXGroupID g<seq %% N>;"
                    + " 0 for none (default: ${DEFAULT-VALUE}).")
    int groups;

    @Option(names = "--peer-jdbc-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/amq_bench",
            paramLabel = "JDBC-URL", description = "Database of the classic-jdbc peer (default: ${DEFAULT-VALUE}).")
    String peerJdbcUrl;

    @Option(names = "--peer-jdbc-user", defaultValue = "journalmq", paramLabel = "USER",
            description = "User of --peer-jdbc-url (default: ${DEFAULT-VALUE}); its password: $AMQ_BENCH_PASSWORD.")
    String peerJdbcUser;

    @Option(names = "--idle-seconds", defaultValue = "30", paramLabel = "SECONDS",
            description = "How long the idle scenario counts statements (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--compare", description = "Print the ratio table even for one peer (always printed when"
            + " JournalMQ and at least one other peer ran).")
    boolean compare;

    @Option(names = "--rows", paramLabel = "FILE", split = ",",
            description = "Measure nothing: read the rows earlier runs printed (files, separated by commas) and print"
                    + " their ratio table (and --chart) as one run.")
    List<Path> rowFiles;

    @Option(names = "--chart", paramLabel = "PNG", description = "Write the ratio table as a bar chart to this PNG file.")
    Path chart;

    /** Scenarios in the order of "all". */
    static Map<String, Scenario> scenarios() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        for (Scenario s : List.of(new RawCommit(), new SyncSend(), new TxBatch(),
                new Flow("e2e", 1, 1, 0, 10_000),
                new Flow("e2e-paced", 1, 1, 100, 2_000),
                new Flow("competing", 4, 4, 0, 20_000),
                new Fanout(), new Backlog(Session.AUTO_ACKNOWLEDGE), new Backlog(Session.DUPS_OK_ACKNOWLEDGE),
                new SelectorDrain(), new SelectorDeep(), new CrossJvm(), new Idle(),
                new XaSend(), new LocalTx(true), new LocalTx(false))) {
            all.put(s.name(), s);
        }
        return all;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (rowFiles != null) {
            Comparison comparison = new Comparison(PrintedRows.read(rowFiles, scenarios()));
            comparison.print();
            if (chart != null) {
                RatioChart.write(chart, comparison.ratios(), "rows of " + rowFiles.size() + " runs, " + size
                        + " B messages");
                System.out.println();
                System.out.println("chart: " + chart);
            }
            return 0;
        }
        List<Scenario> selected = select();
        List<String> peers = Peers.names(peer, new CommandLine(this));
        if ((messages != null && messages < 1) || warmup < 0 || size < 0 || timeoutSeconds < 1 || prefetch < 1
                || idleSeconds < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--messages, --timeout, --prefetch and"
                    + " --idle-seconds must be at least 1, --warmup and --size not negative");
        }
        Path tempDir = null;
        if (url == null) {
            tempDir = Files.createTempDirectory("journalmq-bench-");
            url = "jdbc:hsqldb:file:" + tempDir.resolve("journal");
        }
        try {
            return runAll(selected, peers);
        } finally {
            TempDirs.delete(tempDir);
        }
    }

    private List<Scenario> select() {
        Map<String, Scenario> all = scenarios();
        if (scenario.equals("all")) {
            return List.copyOf(all.values());
        }
        List<Scenario> chosen = new java.util.ArrayList<>();
        for (String name : scenario.split(",")) {
            Scenario s = all.get(name.trim());
            if (s == null) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "unknown --scenario " + name + "; one of: all, " + String.join(", ", all.keySet()));
            }
            chosen.add(s);
        }
        return chosen;
    }

    private int runAll(List<Scenario> selected, List<String> peers) throws Exception {
        String machine = Machine.describe();
        System.out.println("# JournalMQ benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.println();
        System.out.println("machine: " + machine);
        System.out.println("journal: " + JournalPeer.label(url) + " " + url.replaceAll("(?i)(password=)[^&;]*", "$1****"));
        System.out.println("peers: " + String.join(", ", peers) + "; size " + size
                + " bytes, persistent BytesMessages, warm-up " + warmup + " messages, prefetch " + prefetch);
        System.out.println();
        System.out.println("| peer | journal | scenario | messages | msgs/s | p50 ms | p99 ms | notes |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---|");
        Runner runner = new Runner(selected, messages, warmup, Math.max(1, passes));
        int ackMode = ackMode();
        boolean allOk = true;
        for (String name : peers) {
            try {
                allOk &= runner.runPeer(() -> Peers.start(name, this),
                        p -> new BenchContext(p, prefetch, size, timeoutSeconds, ackMode, idleSeconds, groups));
            } catch (Exception | LinkageError e) {
                // a peer that cannot start (or stop) must not cost the other peers' rows
                System.err.println("peer " + name + " failed:");
                e.printStackTrace();
                System.out.println("| " + name + " | – | – | – | – | – | – | FAILED: peer did not start or stop: " + e
                        + " |");
                allOk = false;
            }
        }
        Comparison comparison = new Comparison(runner.rows());
        if (compare || (peers.contains(Comparison.JOURNAL) && peers.size() > 1)) {
            comparison.print();
        }
        if (chart != null) {
            RatioChart.write(chart, comparison.ratios(), Instant.now().truncatedTo(ChronoUnit.MINUTES) + ", journal "
                    + JournalPeer.label(url) + ", " + size + " B, prefetch " + prefetch + ", "
                    + BenchContext.ackName(ackMode) + " listeners; " + Machine.brief());
            System.out.println();
            System.out.println("chart: " + chart);
        }
        return allOk ? 0 : 1;
    }

    private int ackMode() {
        return switch (consumerAck) {
            case "auto" -> jakarta.jms.Session.AUTO_ACKNOWLEDGE;
            case "dups-ok" -> jakarta.jms.Session.DUPS_OK_ACKNOWLEDGE;
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "--consumer-ack must be auto or dups-ok, was " + consumerAck);
        };
    }
}
