package org.journalmq.bench;

import jakarta.jms.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.journalmq.jms.JournalConnectionFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end benchmarks through the JMS API alone. Prints the machine, then one Markdown table
 * row per scenario. See benchmarks/README.md.
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
            description = "all, or one or more of sync-send, tx-batch, e2e, e2e-paced, competing, selector-drain,"
                    + " selector-deep, xa, separated by commas (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "Longest wait for a scenario's consumers (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--consumer-ack", defaultValue = "auto", paramLabel = "MODE",
            description = "Acknowledge mode of the listeners: auto (AUTO_ACKNOWLEDGE, the default) or dups-ok"
                    + " (DUPS_OK_ACKNOWLEDGE: acks need not be committed before the next delivery).")
    String consumerAck;

    /** Scenarios in the order of "all". */
    static Map<String, Scenario> scenarios() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        for (Scenario s : List.of(new SyncSend(), new TxBatch(),
                new Flow("e2e", 1, 1, 0, 10_000),
                new Flow("e2e-paced", 1, 1, 100, 2_000),
                new Flow("competing", 4, 4, 0, 20_000),
                new SelectorDrain(), new SelectorDeep(), new XaSend())) {
            all.put(s.name(), s);
        }
        return all;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Scenario> selected = select();
        if ((messages != null && messages < 1) || warmup < 0 || size < 0 || timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--messages and --timeout must be at least 1, --warmup and --size not negative");
        }
        Path tempDir = null;
        if (url == null) {
            tempDir = Files.createTempDirectory("journalmq-bench-");
            url = "jdbc:hsqldb:file:" + tempDir.resolve("journal");
        }
        try {
            return runAll(selected);
        } finally {
            if (tempDir != null) {
                deleteRecursively(tempDir);
            }
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

    private int runAll(List<Scenario> selected) throws Exception {
        String journal = journalLabel(url);
        System.out.println("# JournalMQ benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.println();
        System.out.println("machine: " + Machine.describe());
        System.out.println("journal: " + journal + " " + url.replaceAll("(?i)(password=)[^&;]*", "$1****"));
        System.out.println("size " + size + " bytes, persistent BytesMessages, warm-up " + warmup + " messages");
        System.out.println();
        System.out.println("| journal | scenario | messages | msgs/s | p50 ms | p99 ms | notes |");
        System.out.println("|---|---|---:|---:|---:|---:|---|");
        BenchContext ctx = new BenchContext(factory(16), factory(500), size, timeoutSeconds, ackMode());
        boolean allOk = true;
        // holds the journal open across scenarios, so that none pays for opening it
        try (Connection keeper = ctx.connect()) {
            for (Scenario s : selected) {
                Result r = runOne(ctx, s);
                System.out.println(r.row(journal, s.name()));
                System.out.flush();
                allOk &= r.ok();
            }
        }
        return allOk ? 0 : 1;
    }

    /** Drain, warm up, drain, measure, drain: each measurement starts from an empty queue. */
    private Result runOne(BenchContext ctx, Scenario s) throws Exception {
        String queue = "bench-" + s.name();
        boolean sendOnly = s instanceof SyncSend || s instanceof TxBatch || s instanceof XaSend;
        ctx.drain(queue, 0);
        int warm = s.warmupMessages(warmup);
        if (warm > 0) {
            s.run(ctx, queue, warm);
            ctx.drain(queue, sendOnly ? warm : 0);
        }
        int n = messages != null ? messages : s.defaultMessages();
        Result r = s.run(ctx, queue, n);
        long left = ctx.drain(queue, sendOnly ? n : 0);
        if (sendOnly && left != n) {
            return new Result(r.messages(), r.msgsPerSecond(), r.p50Millis(), r.p99Millis(),
                    r.notes() + "; drained " + left + " of " + n + " sent", false);
        }
        if (!sendOnly && left > 0) {
            return new Result(r.messages(), r.msgsPerSecond(), r.p50Millis(), r.p99Millis(),
                    r.notes() + "; " + left + " left in the queue after all arrived", false);
        }
        return r;
    }

    private int ackMode() {
        return switch (consumerAck) {
            case "auto" -> jakarta.jms.Session.AUTO_ACKNOWLEDGE;
            case "dups-ok" -> jakarta.jms.Session.DUPS_OK_ACKNOWLEDGE;
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "--consumer-ack must be auto or dups-ok, was " + consumerAck);
        };
    }

    private JournalConnectionFactory factory(int prefetch) {
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setUser(user);
        if (password != null && !password.isEmpty()) {
            f.setPassword(password);
        }
        if (tablePrefix != null) {
            f.setTablePrefix(tablePrefix);
        }
        f.setPrefetch(prefetch);
        return f;
    }

    static String journalLabel(String url) {
        if (url.startsWith("jdbc:hsqldb:file:")) {
            return "hsqldb-file";
        }
        if (url.startsWith("jdbc:hsqldb:mem:")) {
            return "hsqldb-mem";
        }
        if (url.startsWith("jdbc:hsqldb:")) {
            return "hsqldb-server";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        return url.split(":").length > 1 ? url.split(":")[1] : url;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
