package org.journalmq.jms.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.journalmq.jms.audit.Audit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the audit logger printed while this capture was open. The tests' SLF4J binding
 * (slf4j-simple) writes to whatever {@code System.err} is at each call, so the capture replaces it
 * with a tee: the build's output keeps every line, and the test reads what was printed meanwhile.
 */
final class AuditLog implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    AuditLog() {
        OutputStream tee = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                printed.write(b);
                original.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                printed.write(b, off, len);
                original.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /** Everything printed to standard error so far, audit or not. */
    synchronized String all() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** The lines of the audit logger (slf4j-simple prints "[thread] INFO logger - text"). */
    List<String> lines() {
        return all().lines().filter(l -> l.contains(" INFO " + Audit.LOGGER + " - ")).toList();
    }

    /** The one audit line with {@code id}; fails when there is none or more than one. */
    String line(String id) {
        List<String> found = lines().stream().filter(l -> l.contains(" - " + id + " ")).toList();
        if (found.size() != 1) {
            fail("expected one audit line " + id + ", found " + found + " in:\n" + all());
        }
        return found.get(0);
    }

    /** Asserts that nothing printed contains {@code secret}. */
    void assertAbsent(String secret) {
        assertTrue(!all().contains(secret), "a secret was printed:\n" + all());
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
