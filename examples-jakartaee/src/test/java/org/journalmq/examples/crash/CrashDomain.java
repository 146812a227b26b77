package org.journalmq.examples.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A GlassFish domain of the crash tests only, driven with asadmin: it has its own ports (base
 * {@link #PORT_BASE}) and directory under target/, so the Arquillian-managed domain1 of the other
 * tests is never touched, and it is killed rather than stopped. Every listener is bound to 127.0.0.1.
 */
final class CrashDomain {

    static final String NAME = "crash14";
    /** asadmin's --portbase: admin port +48, HTTP +80, IIOP +37..39, JMX +86, OSGi shell +66. */
    static final int PORT_BASE = 21400;
    static final int ADMIN_PORT = PORT_BASE + 48;
    static final int HTTP_PORT = PORT_BASE + 80;

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private final Path glassfish;
    private final Path domains;
    private boolean killOnExit;

    CrashDomain(Path glassfishHome, Path domainsDir) {
        this.glassfish = glassfishHome;
        this.domains = domainsDir;
    }

    Path dir() {
        return domains.resolve(NAME);
    }

    Path serverLog() {
        return dir().resolve("logs").resolve("server.log");
    }

    /** A new domain (an earlier run's is deleted), patched to loopback only and without GlassFish's OpenMQ broker. */
    void create(String domainXmlResources, Path... libraries) throws IOException {
        deleteTree(domains);
        local("create-domain", "--domaindir", domains.toString(), "--portbase", String.valueOf(PORT_BASE),
                "--nopassword", "--checkports=false", NAME);
        Path xml = dir().resolve("config").resolve("domain.xml");
        String s = Files.readString(xml, StandardCharsets.UTF_8);
        s = s.replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replace("<network-listener port=", "<network-listener address=\"127.0.0.1\" port=")
                .replace("type=\"EMBEDDED\" default-jms-host", "type=\"REMOTE\" default-jms-host");
        // server-config (the first connector-service) has no jms-service, and GlassFish would start its own
        // OpenMQ broker for want of one: a REMOTE one, never connected to (lazy-init), keeps it off
        if (!s.substring(0, s.indexOf("<config name=\"default-config\"")).contains("<jms-service")) {
            s = s.replaceFirst("(<connector-service shutdown-timeout-in-seconds=\"30\">\\s*</connector-service>)",
                    "$1<jms-service type=\"REMOTE\" default-jms-host=\"default_JMS_host\"><jms-host"
                            + " name=\"default_JMS_host\" host=\"127.0.0.1\" port=\"" + (PORT_BASE + 76)
                            + "\" lazy-init=\"true\"/></jms-service>");
        }
        // The resources the adapter needs before its deployment (its resource-adapter-config).
        s = s.replaceFirst("<resources>", "<resources>" + domainXmlResources.replace("$", "\\$"));
        Files.writeString(xml, s, StandardCharsets.UTF_8);
        // The adapter's lines also go to a file of their own, written synchronously: server.log of a
        // restarted domain once lacked a whole server life (a run of this test, cause not found), and the
        // JMQ704x lines are the test's evidence of the recovery path.
        String adapterLog = adapterLog().toString().replace("\\", "/");
        Files.writeString(dir().resolve("config").resolve("logging.properties"), "\n"
                + "org.journalmq.ra.handlers=java.util.logging.FileHandler\n"
                + "java.util.logging.FileHandler.pattern=" + adapterLog + "\n"
                + "java.util.logging.FileHandler.append=true\n"
                + "java.util.logging.FileHandler.level=INFO\n"
                + "java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter\n",
                StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
        Path lib = dir().resolve("lib");
        Files.createDirectories(lib);
        for (Path jar : libraries) {
            Files.copy(jar, lib.resolve(jar.getFileName()));
        }
    }

    void start() {
        local("start-domain", "--domaindir", domains.toString(), NAME);
        if (!killOnExit) {
            // A test JVM that ends without @AfterAll (interrupted build) must not leave the server running
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
                } catch (IOException | RuntimeException e) {
                    // no pid file: not running
                }
            }, "crash14-domain-killer"));
            killOnExit = true;
        }
    }

    /** The pid of the running server, from the file start-domain writes. */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(dir().resolve("config").resolve("pid")).trim());
    }

    /** Waits (bounded) for the server process to end; true if it did. */
    boolean awaitExit(Duration timeout) throws Exception {
        Optional<ProcessHandle> p = ProcessHandle.of(pid());
        if (p.isEmpty()) {
            return true;
        }
        try {
            p.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Stops the server, and kills it when stop-domain could not: no server of the tests is left running. */
    void stopQuietly() {
        try {
            runAsadmin(List.of("stop-domain", "--domaindir", domains.toString(), NAME));
        } catch (RuntimeException e) {
            // killed below
        }
        try {
            ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | NumberFormatException e) {
            // no pid file: never started
        }
    }

    /** A command to the running server (admin port on loopback); fails with asadmin's output. */
    String remote(String... command) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(ADMIN_PORT)));
        args.addAll(List.of(command));
        return runAsadmin(args);
    }

    private String local(String... command) {
        return runAsadmin(List.of(command));
    }

    private String runAsadmin(List<String> command) {
        List<String> line = new ArrayList<>();
        line.add(glassfish.resolve("bin").resolve("asadmin").toString());
        line.add("--interactive=false");
        line.addAll(command);
        try {
            // A file, not a pipe: the server that start-domain leaves running could keep a pipe open.
            Path out = Files.createTempFile(domains.getParent(), "asadmin", ".out");
            ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile());
            // The server runs on the test's Java (17), not on whatever java the PATH holds.
            pb.environment().put("AS_JAVA", System.getProperty("java.home"));
            // start-domain waits 60 s by default; a restart that recovers and loads the applications on a
            // loaded 2-core machine has taken longer (asadmin's CLIConstants: milliseconds)
            pb.environment().put("AS_START_TIMEOUT", "240000");
            pb.environment().put("AS_STOP_TIMEOUT", "120000");
            Process p = pb.start();
            if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("asadmin timed out: " + line);
            }
            String text = Files.readString(out, StandardCharsets.ISO_8859_1);
            Files.delete(out);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("asadmin failed (" + p.exitValue() + "): " + line + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server log as text (ISO-8859-1 reads any byte). */
    /** The adapter's log lines in a file of their own (see {@link #create}). */
    Path adapterLog() {
        return dir().resolve("logs").resolve("journalmq-ra.log");
    }

    /** The server log and the adapter's own log file as one text (ISO-8859-1 reads any byte). */
    String log() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path p : List.of(serverLog(), adapterLog())) {
            if (Files.exists(p)) {
                text.append(Files.readString(p, StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return text.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
