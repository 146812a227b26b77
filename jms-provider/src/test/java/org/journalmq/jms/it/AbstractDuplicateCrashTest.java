package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.journalmq.jms.it.child.DuplicateProducerMain;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Duplicate detection against real crashes (issue 16 item 2; DESIGN.md quality bar): a producer JVM
 * is killed with SIGKILL at a random moment after some commits, twice, and each restart resends
 * every message from the first, with the same duplicate ids; the queue then holds exactly one copy
 * of each message. The runs alternate plain sends and transacted sends (spec 6.2.7).
 */
public abstract class AbstractDuplicateCrashTest extends JmsTestBase {
    private static final int COUNT = 600;

    @Test
    @DisplayName("a producer killed at random and restarted with the same ids leaves exactly one copy of each message")
    void producerKilledAndRestartedLeavesOneCopyEach() throws Exception {
        String queue = uniqueQueue("dup-crash");
        List<String> modes = List.of("plain", "transacted", "plain");
        int killedAfter = 0;
        for (int run = 0; run < modes.size(); run++) {
            Path record = dir.resolve("sent-" + run + ".txt");
            List<String> args = childArgs(queue, record, Integer.toString(COUNT), modes.get(run));
            try (ChildJvm producer = ChildJvm.start(DuplicateProducerMain.class, dir.resolve("producer-" + run + ".log"),
                    args)) {
                if (run == modes.size() - 1) {
                    int exit = producer.awaitExit(240_000);
                    assertEquals(0, exit, "the last run failed; its output:\n" + producer.output());
                    break;
                }
                // Killed once it has gone past the previous run's progress: each run resends the
                // earlier messages (all duplicates by now) and then sends new ones.
                int killAfter = killedAfter + 50 + ThreadLocalRandom.current().nextInt(COUNT / 3);
                await("run " + run + " to record " + killAfter + " sends", 180_000,
                        () -> AbstractCrashSafetyTest.safeLines(record).size() >= killAfter);
                producer.kill();
                killedAfter = AbstractCrashSafetyTest.lines(record).size();
            }
        }

        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
        Map<Integer, Integer> copies = new TreeMap<>();
        Message m;
        while ((m = consumer.receive(3_000)) != null) {
            copies.merge(m.getIntProperty("n"), 1, Integer::sum);
        }
        List<Integer> duplicated = new ArrayList<>();
        copies.forEach((n, k) -> {
            if (k > 1) {
                duplicated.add(n);
            }
        });
        assertEquals(List.of(), duplicated, "messages stored more than once");
        assertEquals(COUNT, copies.size(), "every message once");
        assertTrue(copies.keySet().stream().allMatch(n -> n >= 0 && n < COUNT));
    }
}
