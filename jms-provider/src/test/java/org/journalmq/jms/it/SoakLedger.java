package org.journalmq.jms.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.journalmq.jms.it.child.SoakLane;
import org.journalmq.jms.it.child.SoakLane.Mode;

/**
 * The soak's checker (issue 13 item 4): reads every worker incarnation's record file
 * ({@link org.journalmq.jms.it.child.SoakRecord}), the parent's final drain and the XA business rows,
 * and applies one rule per acknowledge mode. A message is counted per lane (a topic message once
 * per subscription), its key being "lane id".
 *
 * <p>The rules, all modes: every send that returned is received (<em>lost</em> otherwise; for
 * CLIENT, TRANSACTED and XA it must also be acknowledged: an acknowledge()/commit() that returned,
 * the drain's acknowledge, or for XA its business row; unless its last delivery was in a unit of
 * work whose commit the application never saw end, cut by a kill or with an unknown outcome:
 * <em>in flight</em>, it may have committed, see {@link #mayHaveCommitted}); every delivery after a message's first
 * carries JMSRedelivered=true. Then per mode (Jakarta Messaging 3.1 §6.2.10 message acknowledgment,
 * §6.2.7 transactions):
 * <ul>
 *   <li>CLIENT, TRANSACTED, XA: a message whose acknowledge() or commit() returned is never
 *       delivered again; XA also: at most one business row per message;</li>
 *   <li>AUTO: the same for message n once n+1 was handed to its session, and a session gives back
 *       (a message it got comes again) at most one message per kill of its JVM plus one per
 *       database restart;</li>
 *   <li>DUPS_OK: duplicates are allowed, flagged.</li>
 * </ul>
 */
final class SoakLedger {

    record Receipt(String session, boolean redelivered, long millis) {
        String incarnation() {
            String[] p = session.split("\\.");
            return p[0] + "." + p[1];
        }
    }

    /** One mode's line of the report. */
    static final class Counts {
        long sent;
        long acknowledged;
        long received;
        long redelivered;
        long flagged;
        long lost;
        long illegal;
        /** Received, never acknowledged, in a unit of work cut by a kill or an unknown commit outcome. */
        long inFlight;
    }

    private final Set<String> sent = new HashSet<>();
    private final Set<String> unknown = new HashSet<>();
    private final Map<String, List<Receipt>> receipts = new HashMap<>();
    private final Map<String, List<Long>> acks = new HashMap<>();
    /** The last acknowledge()/commit() that returned, per session (millis). */
    private final Map<String, Long> lastAck = new HashMap<>();
    private final Set<String> ackUnknown = new HashSet<>();
    private final Map<String, Integer> xaRows;
    private final Set<String> killed;
    private final int databaseRestarts;
    private final List<String> errors = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Set<String> lostKeys = new HashSet<>();
    private final Map<Mode, Counts> counts = new EnumMap<>(Mode.class);

    /**
     * @param records  the folder of record files, one per incarnation
     * @param drained  the parent's drain: messages received and acknowledged at the end, in order
     * @param xaRows   business rows per message id of the XA lane
     * @param killed   incarnations ("w1.0") killed with SIGKILL
     */
    SoakLedger(Path records, List<SoakDrain.Drained> drained, Map<String, Integer> xaRows, Set<String> killed,
               int databaseRestarts) throws IOException {
        this.xaRows = xaRows;
        this.killed = killed;
        this.databaseRestarts = databaseRestarts;
        try (Stream<Path> files = Files.list(records)) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    read(line);
                }
            }
        }
        long end = Long.MAX_VALUE;
        for (SoakDrain.Drained d : drained) {
            // The drain acknowledges each message as it goes; it runs after every worker ended.
            receipts.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(new Receipt("drain.0.final",
                    d.redelivered(), end));
        }
        check();
    }

    private void read(String line) {
        String[] f = line.split(" ");
        switch (f[0]) {
            case "S" -> sent.add(f[1] + " " + f[2]);
            case "U" -> unknown.add(f[1] + " " + f[2]);
            case "R" -> receipts.computeIfAbsent(f[1] + " " + f[2], k -> new ArrayList<>())
                    .add(new Receipt(f[4], Boolean.parseBoolean(f[3]), Long.parseLong(f[5])));
            case "A" -> {
                acks.computeIfAbsent(f[1] + " " + f[2], k -> new ArrayList<>()).add(Long.parseLong(f[3]));
                lastAck.merge(f[4], Long.parseLong(f[3]), Math::max);
            }
            case "K" -> ackUnknown.add(f[1] + " " + f[2]);
            case "E" -> errors.add(line);
            default -> { } // a line cut by the kill cannot be: one write() each; ignore anything else
        }
    }

    private static SoakLane lane(String key) {
        return SoakLane.valueOf(key.substring(0, key.indexOf(' ')));
    }

    private static String id(String key) {
        return key.substring(key.indexOf(' ') + 1);
    }

    private void check() {
        for (Mode m : Mode.values()) {
            counts.put(m, new Counts());
        }
        Map<String, Integer> gaveBack = new HashMap<>();
        Set<String> keys = new HashSet<>(sent);
        keys.addAll(receipts.keySet());
        for (String key : keys) {
            SoakLane lane = lane(key);
            Counts c = counts.get(lane.mode);
            List<Receipt> rs = new ArrayList<>(receipts.getOrDefault(key, List.of()));
            rs.sort(Comparator.comparingLong(Receipt::millis));
            List<Long> acked = acks.getOrDefault(key, List.of());
            boolean drained = rs.stream().anyMatch(r -> r.session().startsWith("drain"));
            int rows = xaRows.getOrDefault(id(key), 0);
            boolean confirmed = !acked.isEmpty() || drained || lane.mode == Mode.XA && rows > 0;
            if (sent.contains(key)) {
                c.sent++;
            }
            if (confirmed) {
                c.acknowledged++;
            }
            c.received += rs.size();
            c.redelivered += Math.max(0, rs.size() - 1);
            c.flagged += rs.stream().filter(Receipt::redelivered).count();
            boolean needsAck = lane.mode == Mode.CLIENT || lane.mode == Mode.TRANSACTED || lane.mode == Mode.XA;
            if (needsAck && !confirmed && !rs.isEmpty() && mayHaveCommitted(key, rs.get(rs.size() - 1))) {
                c.inFlight++;
            } else if (sent.contains(key) && (rs.isEmpty() || needsAck && !confirmed)) {
                c.lost++;
                lostKeys.add(key);
                violate(c, "lost (" + lane.mode + "): " + key + (rs.isEmpty() ? ", never received"
                        : ", received " + rs.size() + "x, never acknowledged"));
            }
            if (!sent.contains(key) && !unknown.contains(key) && !killed.contains(incarnationOfSender(key))) {
                violate(c, "received, but its sender was not killed and its send never returned: " + key);
            }
            for (int i = 1; i < rs.size(); i++) {
                if (!rs.get(i).redelivered()) {
                    violate(c, "delivered again without JMSRedelivered (" + lane.mode + "): " + key + " to "
                            + rs.get(i).session());
                }
                gaveBack.merge(rs.get(i - 1).session(), 1, Integer::sum);
            }
            if (lane.mode != Mode.DUPS_OK && !acked.isEmpty()) {
                long firstAck = acked.stream().min(Long::compare).orElseThrow();
                rs.stream().filter(r -> r.millis() > firstAck).findFirst().ifPresent(r -> violate(c,
                        "delivered again after its acknowledge/commit returned (" + lane.mode + "): " + key
                                + " to " + r.session()));
            }
            if (lane.mode == Mode.XA && rows > 1) {
                violate(c, "XA: " + rows + " business rows for " + key);
            }
        }
        gaveBack.forEach((session, n) -> {
            SoakLane lane = SoakLane.valueOf(session.split("\\.")[2]);
            int kills = killed.contains(session.substring(0, session.indexOf('.', session.indexOf('.') + 1))) ? 1 : 0;
            if (lane.mode == Mode.AUTO && n > kills + databaseRestarts) {
                violate(counts.get(Mode.AUTO), "AUTO session " + session + " gave back " + n
                        + " messages (allowed: one per kill " + kills + " plus one per database restart "
                        + databaseRestarts + ")");
            }
        });
    }

    /**
     * Whether the last delivery of an unacknowledged message was in a unit of work whose end the
     * application never learned: its commit() failed with an unknown outcome, or its JVM was killed
     * after the session's last acknowledge()/commit() that returned (the kill may have met the
     * commit call after the database committed). Such a message may be consumed for good.
     */
    private boolean mayHaveCommitted(String key, Receipt last) {
        return ackUnknown.contains(key) || killed.contains(last.incarnation())
                && last.millis() > lastAck.getOrDefault(last.session(), 0L);
    }

    /** The sender's incarnation, from the id "w1.0.producer.n". */
    private static String incarnationOfSender(String key) {
        String[] p = id(key).split("\\.");
        return p[0] + "." + p[1];
    }

    private void violate(Counts c, String what) {
        c.illegal++;
        violations.add(what);
    }

    /** The lane's keys counted lost so far (before the drain: what the drain waits for). */
    Set<String> lost(SoakLane lane) {
        Set<String> keys = new HashSet<>();
        lostKeys.stream().filter(k -> lane(k) == lane).forEach(keys::add);
        return keys;
    }

    List<String> violations() {
        return violations;
    }

    List<String> errors() {
        return errors;
    }

    /** The report table: one line per acknowledge mode. */
    String table() {
        StringBuilder b = new StringBuilder(String.format("%-11s %8s %13s %9s %12s %8s %9s %5s %8s%n", "mode",
                "sent", "acknowledged", "received", "redelivered", "flagged", "in-flight", "lost", "illegal"));
        Counts total = new Counts();
        for (var e : counts.entrySet()) {
            Counts c = e.getValue();
            b.append(row(e.getKey().toString(), c));
            total.sent += c.sent;
            total.acknowledged += c.acknowledged;
            total.received += c.received;
            total.redelivered += c.redelivered;
            total.flagged += c.flagged;
            total.lost += c.lost;
            total.inFlight += c.inFlight;
            total.illegal += c.illegal;
        }
        return b.append(row("all", total)).toString();
    }

    /** DUPS_OK shows no acknowledged count: the application never learns when its acks are durable. */
    private static String row(String name, Counts c) {
        String acknowledged = name.equals(Mode.DUPS_OK.toString()) ? "-" : Long.toString(c.acknowledged);
        return String.format("%-11s %8d %13s %9d %12d %8d %9d %5d %8d%n", name, c.sent, acknowledged, c.received,
                c.redelivered, c.flagged, c.inFlight, c.lost, c.illegal);
    }
}
