package org.journalmq.jms.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the consumers of a message-group test recorded ({@code child.GroupListeners} lines), and the
 * checks of issue 16 against it. Message {@code n} belongs to group {@code n % groups} with sequence
 * {@code n / groups} (sent in that order by one producer). A delivery "holds" its message from the
 * moment the application got it until its acknowledgement began (the end of onMessage in
 * AUTO_ACKNOWLEDGE, the call of acknowledge() or commit(), the close of the connection, or the
 * kill of the JVM): the real hold ends later (at the commit of the ack), so every check below
 * errs on the side of passing, never of failing a correct run.
 */
final class GroupHistory {

    /** One delivery to the application. {@code who}: the JVM and session (one consumer each). */
    static final class Delivery {
        final String who;
        final int n;
        final boolean redelivered;
        final int count;
        final long received;
        long ackBegun = Long.MAX_VALUE;
        /** The ack is known to have committed (acknowledge()/commit() returned, or the next AUTO delivery came). */
        boolean acked;

        Delivery(String who, int n, boolean redelivered, int count, long received) {
            this.who = who;
            this.n = n;
            this.redelivered = redelivered;
            this.count = count;
            this.received = received;
        }

        @Override
        public String toString() {
            return who + " n=" + n + " count=" + count + (redelivered ? " redelivered" : "") + " ["
                    + received + ", " + (ackBegun == Long.MAX_VALUE ? "open" : ackBegun) + ")";
        }
    }

    final List<Delivery> all = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    private final int groups;

    GroupHistory(int groups) {
        this.groups = groups;
    }

    /**
     * Reads one JVM's record. {@code endedAt}: when it was killed (held messages stop being held
     * then, as far as the application goes), or 0 when it closed normally (its CLOSING line says when).
     */
    void read(Path record, String jvm, String[] modes, long killedAt) throws IOException {
        Map<Integer, List<Delivery>> pending = new HashMap<>();
        for (String l : AbstractCrashSafetyTest.lines(record)) {
            String[] f = l.split(" ");
            switch (f[0]) {
                case "R" -> {
                    int sid = Integer.parseInt(f[1]);
                    Delivery d = new Delivery(jvm + "/" + sid, Integer.parseInt(f[2]), Boolean.parseBoolean(f[3]),
                            Integer.parseInt(f[4]), Long.parseLong(f[5]));
                    all.add(d);
                    List<Delivery> list = pending.computeIfAbsent(sid, k -> new ArrayList<>());
                    if (modes[sid].equals("auto")) {
                        // the previous AUTO delivery was acknowledged before this one was handed over
                        list.forEach(p -> p.acked = true);
                        list.clear();
                    }
                    list.add(d);
                }
                case "D" -> pending.get(Integer.parseInt(f[1])).forEach(d -> d.ackBegun = Long.parseLong(f[3]));
                case "a" -> {
                    long t = Long.parseLong(f[2]);
                    pending.getOrDefault(Integer.parseInt(f[1]), List.of()).forEach(d -> d.ackBegun = t);
                }
                case "A" -> {
                    List<Delivery> done = pending.remove(Integer.parseInt(f[1]));
                    if (done != null) {
                        done.forEach(d -> d.acked = true);
                    }
                }
                case "CLOSING" -> {
                    long t = Long.parseLong(f[1]);
                    pending.values().forEach(list -> list.forEach(d -> d.ackBegun = Math.min(d.ackBegun, t)));
                }
                case "CLOSED" -> {
                    // close() returned: nothing is held any more, including a message handed to a
                    // listener after CLOSING while close() waited for the listeners
                    long t = Long.parseLong(f[1]);
                    pending.values().forEach(list -> list.forEach(d -> d.ackBegun = Math.min(d.ackBegun, t)));
                }
                case "E" -> errors.add(jvm + ": " + l);
                default -> { // READY
                }
            }
        }
        if (killedAt > 0) {
            pending.values().forEach(list -> list.forEach(d -> d.ackBegun = Math.min(d.ackBegun, killedAt)));
        }
    }

    /** A delivery by a plain AUTO receive() (the final drain): acknowledged before receive() returned. */
    void received(String who, int n, boolean redelivered, int count, long at) {
        Delivery d = new Delivery(who, n, redelivered, count, at);
        d.ackBegun = at;
        d.acked = true;
        all.add(d);
    }

    /** The issue 16 checks; empty when every one holds. */
    List<String> problems(Set<Integer> sent) {
        List<String> problems = new ArrayList<>(errors);
        Map<Integer, List<Delivery>> byMessage = new HashMap<>();
        for (Delivery d : all) {
            byMessage.computeIfAbsent(d.n, k -> new ArrayList<>()).add(d);
        }
        Set<Integer> lost = new TreeSet<>(sent);
        lost.removeAll(byMessage.keySet());
        if (!lost.isEmpty()) {
            problems.add("sent but never received: " + lost);
        }
        Set<Delivery> last = new HashSet<>();
        for (List<Delivery> ds : byMessage.values()) {
            ds.sort(Comparator.comparingInt(d -> d.count));
            last.add(ds.get(ds.size() - 1));
            exactlyOnceOrFlagged(ds, problems);
        }
        Map<Integer, List<Delivery>> byGroup = new HashMap<>();
        for (Delivery d : all) {
            byGroup.computeIfAbsent(d.n % groups, k -> new ArrayList<>()).add(d);
        }
        for (List<Delivery> ds : byGroup.values()) {
            ds.sort(Comparator.comparingLong(d -> d.received));
            oneConsumerAtATime(ds, problems);
            inSendOrder(ds, last, problems);
        }
        return problems;
    }

    /**
     * JMSXDeliveryCount and JMSRedelivered (Jakarta Messaging 3.1 §3.4.7, §3.5.11): one first
     * delivery at most, every other flagged; nothing delivered again after its ack committed.
     */
    private static void exactlyOnceOrFlagged(List<Delivery> ds, List<String> problems) {
        int unflagged = 0;
        for (int i = 0; i < ds.size(); i++) {
            Delivery d = ds.get(i);
            if (!d.redelivered) {
                unflagged++;
            }
            if (d.redelivered != (d.count >= 2)) {
                problems.add("JMSRedelivered disagrees with JMSXDeliveryCount: " + d);
            }
            if (i > 0 && ds.get(i - 1).count == d.count) {
                problems.add("two deliveries with one count: " + ds);
            }
            if (d.acked && i < ds.size() - 1) {
                problems.add("delivered again after its ack committed: " + ds);
            }
        }
        if (unflagged > 1) {
            problems.add("delivered more than once without JMSRedelivered: " + ds);
        }
    }

    /** Two consumers never hold messages of one group at the same time. */
    private void oneConsumerAtATime(List<Delivery> ds, List<String> problems) {
        for (int i = 0; i < ds.size(); i++) {
            Delivery a = ds.get(i);
            for (int j = i + 1; j < ds.size() && ds.get(j).received < a.ackBegun; j++) {
                Delivery b = ds.get(j);
                if (!b.who.equals(a.who) && b.received > a.received) {
                    problems.add("group " + a.n % groups + " held by two consumers at once: " + a + " and " + b);
                }
            }
        }
    }

    /**
     * Within a group, a consumer gets message k+1 only after every earlier one was acknowledged
     * for good (its final delivery's ack began before), or while it holds the earlier one itself
     * (prefetch, CLIENT_ACKNOWLEDGE, transactions).
     */
    private void inSendOrder(List<Delivery> ds, Set<Delivery> last, List<String> problems) {
        Map<Integer, List<Delivery>> byMessage = new HashMap<>();
        for (Delivery d : ds) {
            byMessage.computeIfAbsent(d.n, k -> new ArrayList<>()).add(d);
        }
        for (Delivery b : ds) {
            int seq = b.n / groups;
            for (int earlier = 0; earlier < seq; earlier++) {
                int n = earlier * groups + b.n % groups;
                boolean before = false;
                for (Delivery a : byMessage.getOrDefault(n, List.of())) {
                    if (a.received < b.received
                            && (a.who.equals(b.who) || (last.contains(a) && a.ackBegun <= b.received))) {
                        before = true;
                        break;
                    }
                }
                if (!before) {
                    problems.add("group " + b.n % groups + " out of order: " + b + " before message " + n
                            + " was done");
                    break;
                }
            }
        }
    }
}
