package org.journalmq.bench;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.journalmq.bench.jdbc.CountingDriver;
import org.journalmq.bench.jdbc.StatementCounts;
import org.journalmq.jms.JournalConnectionFactory;

/**
 * The child JVM of the idle scenario: it puts a counting driver in front of the JDBC drivers before
 * anything connects, opens the journal from its URL as an application does (an embedded HSQLDB
 * journal in a fresh directory of its own, since the runner holds the benchmark's file), starts
 * {@value Idle#LISTENERS} listeners on an empty queue, and prints the statements counted while
 * they sat idle.
 *
 * <p>Args: url user|- tablePrefix|- queue prefetch ackMode seconds; password from JOURNALMQ_PASSWORD.
 * Prints {@code RESULT consumers maintenance listen received}.
 */
public final class IdleChild {

    private IdleChild() {
    }

    public static void main(String[] args) throws Exception {
        CountingDriver.interposeAll();
        String url = args[0];
        Path dir = null;
        if (url.startsWith("jdbc:hsqldb:file:")) {
            dir = Files.createTempDirectory("journalmq-bench-idle-");
            url = "jdbc:hsqldb:file:" + dir.resolve("journal");
        }
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        if (!args[1].equals("-")) {
            f.setUser(args[1]);
        }
        String password = System.getenv("JOURNALMQ_PASSWORD");
        if (password != null && !password.isEmpty()) {
            f.setPassword(password);
        }
        if (!args[2].equals("-")) {
            f.setTablePrefix(args[2]);
        }
        f.setPrefetch(Integer.parseInt(args[4]));
        f.setJmxEnabled(false);
        AtomicLong received = new AtomicLong();
        StatementCounts.Snapshot counted;
        try (Connection c = f.createConnection()) {
            for (int i = 0; i < Idle.LISTENERS; i++) {
                Session s = c.createSession(Integer.parseInt(args[5]));
                s.createConsumer(s.createQueue(args[3])).setMessageListener(m -> received.incrementAndGet());
            }
            c.start();
            Thread.sleep(Idle.SETTLE_MILLIS);
            StatementCounts.Snapshot before = StatementCounts.snapshot();
            Thread.sleep(Long.parseLong(args[6]) * 1_000L);
            counted = StatementCounts.snapshot().minus(before);
        }
        System.out.println("RESULT " + counted.consumers() + " " + counted.maintenance() + " " + counted.listen() + " "
                + received.get());
        System.out.flush();
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }
}
