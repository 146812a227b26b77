package org.journalmq.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Rough figures of the expiry sweep (not a test; nothing asserted): how fast maintenance works off
 * a backlog of expired rows, half moved to an expiry queue and half deleted, while a backlog of
 * unexpired rows waits in the same queue. The lease is 300 ms, so maintenance runs every 100 ms
 * and the schedule (at most 20 batches of 500 rows per run) does not hide the statement cost.
 * Usage: {@code ExpirySweepProbe [jdbcUrl [user [rows]]]}, default a fresh HSQLDB file database.
 */
public final class ExpirySweepProbe {

    private ExpirySweepProbe() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : TestDatabases.hsqldbFileUrl();
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        JournalConfig.Builder builder = JournalConfig.builder(url).tablePrefix(TestDatabases.randomPrefix())
                .leaseMillis(300);
        if (args.length > 1 && !args[1].equals("-")) {
            builder.user(args[1]);
        }
        JournalConfig config = builder.build();
        try (Journal j = Journals.open(config)) {
            for (int round = 1; round <= 2; round++) {
                String queue = "Q:probe-" + round;
                long expiresAt = j.now() + 10_000 + rows / 2; // after the sends are committed, on a loaded machine
                for (int from = 0; from < rows; from += 500) {
                    List<NewMessage> unit = new ArrayList<>();
                    for (int i = from; i < Math.min(rows, from + 500); i++) {
                        unit.add(new NewMessage(queue, 4, 0, expiresAt, null, new byte[1024],
                                i % 2 == 0 ? "Q:ExpiryQueue" : null));
                        unit.add(new NewMessage(queue, 4, 0, 0, null, new byte[1024]));
                    }
                    j.writeAndWait(new UnitOfWork(unit, List.of()));
                }
                long wait = expiresAt - j.now();
                if (wait < 0) {
                    System.out.println("round " + round + ": sends took longer than the expiry margin; skipped");
                    continue;
                }
                Thread.sleep(wait); // until the rows expire
                long start = System.nanoTime();
                while (j.depth(queue) > rows) {
                    Thread.sleep(20); // polling interval of this probe
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: %,d expired rows (%,d moved, %,d deleted) among %,d waiting, 1 KiB:"
                        + " swept in %.2f s = %,.0f rows/s%n", round, rows, rows / 2, rows - rows / 2, rows, seconds,
                        rows / seconds);
                j.purge(queue);
                j.purge("Q:ExpiryQueue");
            }
        } finally {
            if (url.startsWith("jdbc:postgresql:")) {
                TestDatabases.dropAll(config);
            }
        }
    }
}
