package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.DeadLetters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two {@code journalmq dlq replay} processes (two JVMs, two journal clients) racing on one
 * PostgreSQL dead-letter queue: together they move every message exactly once (issue 8, "a DLQ
 * replay moves exactly the selected messages, once, even when two replays race").
 */
class PostgresReplayProcessesTest extends OpsTestBase {

    @RegisterExtension
    static final PostgresJournal PG = new PostgresJournal();

    @TempDir
    Path dir;

    @Override
    List<String> journal() {
        return PG.options();
    }

    @Override
    JournalConnectionFactory factory() {
        return PG.factory();
    }

    private Process replay(String name) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), JournalMq.class.getName(),
                "dlq", "replay", "--queue", queue, "--selector", "n >= 20", "--json"));
        cmd.addAll(journal());
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
    }

    private long replayed(Process p, String name) throws Exception {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish: " + Files.readString(dir.resolve(name + ".err")));
        }
        String out = Files.readString(dir.resolve(name + ".out"));
        assertEquals(0, p.exitValue(), () -> name + ": " + out + readQuietly(name + ".err"));
        return (Long) JsonReader.object(out).get("replayed");
    }

    private String readQuietly(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    @DisplayName("two replay processes racing: the 280 selected dead letters move exactly once, the other 20 stay")
    void twoProcessesReplayEachMessageOnce() throws Exception {
        for (int i = 0; i < 300; i++) {
            deadLetter(queue, "d" + i, i);
        }
        Process a = replay("a");
        Process b = replay("b");
        long moved = replayed(a, "a") + replayed(b, "b");
        assertEquals(280, moved);

        Set<String> bodies = new HashSet<>();
        List<Message> back = browse(queue);
        for (Message m : back) {
            bodies.add(((TextMessage) m).getText());
        }
        assertEquals(280, back.size(), "no message twice");
        assertEquals(280, bodies.size(), "every selected message once");
        assertEquals(20, browse(DeadLetters.deadLetterQueueFor(queue)).size(), "the unselected stay");
    }
}
