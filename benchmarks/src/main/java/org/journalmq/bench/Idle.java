package org.journalmq.bench;

import java.util.Locale;
import org.journalmq.bench.peer.JournalPeer;

/**
 * What idle listeners cost the database: {@value #LISTENERS} MessageListeners on an empty queue,
 * connection started, for --idle-seconds, in a child JVM ({@link IdleChild}) that counts every
 * statement its journal executes, by thread: maintenance, LISTEN, and consumers/other. Counting
 * starts {@value #SETTLE_MILLIS} ms after the listeners started, so opening the journal and
 * creating the consumers are left out. JournalMQ only: the count needs the JDBC side.
 */
final class Idle extends DeclaredScenario {

    static final int LISTENERS = 4;
    static final long SETTLE_MILLIS = 2_000;

    Idle() {
        super("idle", 0); // --messages does not apply: nothing is sent
        warmupAtMost(0);
        kind(Kind.SELF);
        metric(Metric.NONE);
        journalOnly("JournalMQ only (statements are counted on its JDBC connections)");
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int ignored) throws Exception {
        JournalPeer journal = ctx.journalPeer();
        java.util.List<String> cmd = java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IdleChild.class.getName(),
                ctx.jdbcUrl(), journal.user() == null ? "-" : journal.user(),
                ctx.journalFactory().getTablePrefix() == null ? "-" : ctx.journalFactory().getTablePrefix(),
                queueName + "-idle", String.valueOf(ctx.prefetch()), String.valueOf(ctx.consumerAckMode()),
                String.valueOf(ctx.idleSeconds()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (journal.password() != null && !journal.password().isEmpty()) {
            pb.environment().put("JOURNALMQ_PASSWORD", journal.password());
        }
        Process child = pb.start();
        String result = null;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (!child.waitFor(ctx.idleSeconds() + 60L, java.util.concurrent.TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        if (result == null) {
            return new Result(0, Double.NaN, Double.NaN, Double.NaN, "the idle child JVM printed no result", false);
        }
        String[] f = result.split(" ");
        long consumers = Long.parseLong(f[1]);
        long maintenance = Long.parseLong(f[2]);
        long listen = Long.parseLong(f[3]);
        long received = Long.parseLong(f[4]);
        double seconds = ctx.idleSeconds();
        String notes = String.format(Locale.ROOT, "%d idle listeners (%s) in a child JVM for %d s; statements/s:"
                        + " consumers/other %.2f, maintenance %.2f, listen %.2f (%d, %d, %d in all)", LISTENERS,
                BenchContext.ackName(ctx.consumerAckMode()), ctx.idleSeconds(), consumers / seconds,
                maintenance / seconds, listen / seconds, consumers, maintenance, listen);
        Result r = new Result(0, Double.NaN, Double.NaN, Double.NaN, notes, true);
        return received == 0 ? r : r.failed(received + " messages arrived on the idle queue");
    }
}
