package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of {@link GroupHistory} on made-up records, so that the message-group tests are known
 * to fail when a group is shared, reordered or duplicated. Two groups: message n is in group n % 2
 * with sequence n / 2. Session 0 is AUTO_ACKNOWLEDGE, session 1 CLIENT_ACKNOWLEDGE.
 */
class GroupHistoryTest {
    private static final String[] MODES = {"auto", "client"};

    @TempDir
    Path dir;

    private List<String> problems(String one, String two, Set<Integer> sent) throws Exception {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Files.writeString(a, one);
        Files.writeString(b, two);
        GroupHistory h = new GroupHistory(2);
        h.read(a, "a", MODES, 0);
        h.read(b, "b", MODES, 0);
        return h.problems(sent);
    }

    @Test
    void aCleanHistoryPasses() throws Exception {
        String a = "R 0 0 false 1 100\nD 0 0 110\nR 0 2 false 1 120\nD 0 2 130\nCLOSING 500\n";
        String b = "R 1 1 false 1 105\na 1 140\nA 1 150\nCLOSING 500\n";
        assertEquals(List.of(), problems(a, b, Set.of(0, 1, 2)));
    }

    @Test
    void twoConsumersHoldingOneGroupAtOnceFail() throws Exception {
        // a holds message 0 (group 0) from 100 until its ack begins at 200; b gets message 2 at 150
        String a = "R 0 0 false 1 100\nD 0 0 200\nCLOSING 500\n";
        String b = "R 1 2 false 1 150\na 1 300\nA 1 310\nCLOSING 500\n";
        List<String> p = problems(a, b, Set.of(0, 2));
        assertTrue(p.stream().anyMatch(s -> s.contains("held by two consumers at once")), p.toString());
    }

    @Test
    void aLaterMessageBeforeTheEarlierOneWasDoneFails() throws Exception {
        // b gets message 2 (sequence 1) at 150; message 0 (sequence 0) reaches a only at 200
        String a = "R 0 0 false 1 200\nD 0 0 210\nCLOSING 500\n";
        String b = "R 1 2 false 1 150\na 1 160\nA 1 170\nCLOSING 500\n";
        List<String> p = problems(a, b, Set.of(0, 2));
        assertTrue(p.stream().anyMatch(s -> s.contains("out of order")), p.toString());
    }

    @Test
    void aSecondDeliveryWithoutTheRedeliveredFlagFails() throws Exception {
        String a = "R 0 1 false 1 100\nD 0 1 110\nR 0 1 false 2 120\nD 0 1 130\nCLOSING 500\n";
        List<String> p = problems(a, "", Set.of(1));
        assertTrue(p.stream().anyMatch(s -> s.contains("JMSRedelivered disagrees")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("after its ack committed")), p.toString());
    }

    @Test
    void aMessageNobodyReceivedFails() throws Exception {
        List<String> p = problems("R 0 0 false 1 100\nD 0 0 110\nCLOSING 500\n", "", Set.of(0, 1));
        assertTrue(p.stream().anyMatch(s -> s.contains("never received: [1]")), p.toString());
    }
}
