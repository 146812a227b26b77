package org.journalmq.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.journalmq.bench.peer.JournalPeer;
import org.journalmq.bench.peer.Peer;

/**
 * Producer in this JVM, consumer ({@link CrossJvmConsumer}) in a child JVM on the same host, on a
 * PostgreSQL journal, paced at {@value #RATE}/s: the latency a message takes from one JVM to
 * another through the database (the wake-up path between JVMs, not the in-JVM hand-off). The two
 * JVMs share no nanoTime clock, so the send time travels as epoch microseconds and the latency is
 * read on the wall clock (same host, same clock). msgs/s is the pace achieved, first send to last
 * arrival. JournalMQ only: an embedded peer in a second JVM would need a network broker, which
 * is another set-up than the embedded one measured here.
 */
final class CrossJvm extends DeclaredScenario {

    static final int RATE = 100;

    CrossJvm() {
        super("cross-jvm", 2_000);
        warmupAtMost(RATE);
        metric(Metric.LATENCY);
    }

    @Override
    public boolean appliesTo(Peer peer, BenchContext ctx) {
        // A database server both JVMs reach: PostgreSQL (LISTEN/NOTIFY wake-ups) or MariaDB (polling).
        return peer.isJournal() && (ctx.jdbcUrl().startsWith("jdbc:postgresql:")
                || ctx.jdbcUrl().startsWith("jdbc:mariadb:"));
    }

    @Override
    public String notApplicable(Peer peer, BenchContext ctx) {
        return peer.isJournal() ? "needs a PostgreSQL or MariaDB journal (an embedded HSQLDB file is open in one JVM only)"
                : "JournalMQ only (a peer in a second JVM would need a network broker)";
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int messages) throws Exception {
        Process child = startConsumer(ctx, queueName, messages);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            if (!CrossJvmConsumer.READY.equals(line)) {
                throw new IllegalStateException("consumer JVM did not start: " + line);
            }
            Pacer pacer = new Pacer(RATE);
            long startMicros = Arrivals.epochMicros();
            try (Connection c = ctx.connect(); Session s = c.createSession(Session.AUTO_ACKNOWLEDGE)) {
                MessageProducer p = s.createProducer(s.createQueue(queueName));
                p.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (int seq = 0; seq < messages; seq++) {
                    pacer.awaitTurn(seq);
                    var m = ctx.message(s, seq);
                    m.setLongProperty(BenchContext.SENT_MICROS, Arrivals.epochMicros());
                    p.send(m);
                }
            }
            line = out.readLine();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            if (line == null || !line.startsWith(CrossJvmConsumer.RESULT)) {
                throw new IllegalStateException("no result from the consumer JVM (exit " + child.exitValue()
                        + "): " + line);
            }
            return result(ctx, messages, line, startMicros, pacer);
        } finally {
            child.destroyForcibly();
        }
    }

    /** The same jar (or class path) and java as this JVM; the password travels in the environment. */
    private static Process startConsumer(BenchContext ctx, String queueName, int messages) throws Exception {
        JournalPeer journal = ctx.journalPeer();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrossJvmConsumer.class.getName(),
                journal.url(), orDash(journal.user()), orDash(ctx.journalFactory().getTablePrefix()),
                queueName, String.valueOf(messages), String.valueOf(ctx.prefetch()),
                String.valueOf(ctx.consumerAckMode()), String.valueOf(ctx.timeoutSeconds())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (journal.password() != null && !journal.password().isEmpty()) {
            pb.environment().put("JOURNALMQ_PASSWORD", journal.password());
        }
        return pb.start();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    /** RESULT distinct duplicates lastArrivalMicros p50 p90 p99 max (ms) complete */
    private static Result result(BenchContext ctx, int messages, String line, long startMicros, Pacer pacer) {
        String[] f = line.split(" ");
        long distinct = Long.parseLong(f[1]);
        long duplicates = Long.parseLong(f[2]);
        long lastMicros = Long.parseLong(f[3]);
        double p50 = Double.parseDouble(f[4]);
        double p90 = Double.parseDouble(f[5]);
        double p99 = Double.parseDouble(f[6]);
        double max = Double.parseDouble(f[7]);
        boolean complete = Boolean.parseBoolean(f[8]);
        long missing = messages - distinct;
        String notes = String.format(Locale.ROOT, "1p here, 1c listener (%s) in a child JVM, paced %d/s (max %.1f ms"
                        + " behind); wall-clock latency; p90 %s ms, max %s ms; duplicates %d, missing %d%s",
                BenchContext.ackName(ctx.consumerAckMode()), RATE, pacer.maxLateMillis(), Result.millis(p90),
                Result.millis(max), duplicates, missing, complete ? "" : "; TIMEOUT");
        double rate = complete ? distinct / ((lastMicros - startMicros) / 1e6) : Double.NaN;
        return new Result(messages, rate, p50, p99, notes, complete && missing == 0 && duplicates == 0);
    }
}
