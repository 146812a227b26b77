package org.journalmq.jms.it;

import java.util.ArrayList;
import java.util.List;
import org.journalmq.jms.it.child.BacklogMain;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backlog of 100,000 1 KiB messages (about 100 MiB of bodies) is built and drained by a child
 * JVM limited to {@value #MAX_HEAP} of heap: the provider streams the backlog through the journal
 * instead of holding it in memory.
 */
public abstract class AbstractBacklogTest extends JmsTestBase {

    static final String MAX_HEAP = "64m";
    static final int MESSAGES = 100_000;

    @Test
    void aBacklogOf100000IsDrainedWithABoundedHeap() throws Exception {
        List<String> args = new ArrayList<>(journal.childArgs());
        args.add(Long.toString(leaseMillis() * 15));
        args.add(uniqueQueue("backlog"));
        args.add(Integer.toString(MESSAGES));
        try (ChildJvm child = ChildJvm.start(BacklogMain.class, dir.resolve("backlog.log"), MAX_HEAP, args)) {
            assertEquals(0, child.awaitExit(900_000), child.output());
            String out = child.output();
            assertTrue(out.contains("DRAINED " + MESSAGES + " "), out);
            System.out.println(getClass().getSimpleName() + ": " + out.lines()
                    .filter(l -> l.startsWith("DRAINED")).findFirst().orElse("") + " MiB peak heap, -Xmx" + MAX_HEAP);
        }
    }
}
