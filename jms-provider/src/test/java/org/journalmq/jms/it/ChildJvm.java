package org.journalmq.jms.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM running one of the mains in {@code child/}, with the test class path. Killing it
 * uses {@link Process#destroyForcibly()}, which is SIGKILL on Linux: no shutdown hook runs.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(Class<?> main, Path log, List<String> args) throws IOException {
        return start(main, log, "256m", args);
    }

    /** A child whose heap is capped at {@code maxHeap} (a -Xmx value such as "64m"). */
    static ChildJvm start(Class<?> main, Path log, String maxHeap, List<String> args) throws IOException {
        return start(main, log, maxHeap, args, java.util.Map.of());
    }

    /** A child with {@code env} added to this JVM's environment (tests cannot set their own). */
    static ChildJvm start(Class<?> main, Path log, String maxHeap, List<String> args,
                          java.util.Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + maxHeap);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        return new ChildJvm(p, log);
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for a normal exit; returns the exit code, or fails with the child's output. */
    int awaitExit(long millis) throws InterruptedException, IOException {
        if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not exit within " + millis + " ms; output:\n" + output());
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
