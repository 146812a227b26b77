package org.journalmq.cli;

import jakarta.jms.JMSException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.journalmq.cli.console.ConsoleOptions;
import org.journalmq.cli.console.JournalConsole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code journalmq console}: serves the web console until Ctrl-C. */
@Command(name = "console", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING,
        footer = "  journalmq console --url jdbc:postgresql://db.example.com/app --user app",
        description = {"Serves the web console (overview, charts, dead letters, clients) on"
                + " http://127.0.0.1:8161/ until Ctrl-C. Another --bind address needs --password-file and"
                + " --keystore (HTTPS). An embedded HSQLDB journal held by another JVM is locked: start the"
                + " console inside that JVM with JournalConsole.start(factory, port) instead."})
public class ConsoleCommand extends ConnectedCommand {

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ConsoleOptions.DEFAULT_BIND,
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8161",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the console password (required with a non-loopback --bind).")
    Path passwordFile;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "PKCS#12 keystore with the HTTPS key and certificate (required with a non-loopback --bind).")
    Path keystore;

    @Option(names = "--keystore-password-file", paramLabel = "FILE",
            description = "A file whose first line is the keystore's password.")
    Path keystorePasswordFile;

    @Option(names = "--host-name", paramLabel = "NAME",
            description = "A DNS name browsers use for the bind address (the console answers only to its own"
                    + " names in the Host header); repeatable.")
    List<String> hostNames = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between two reads of the journal's figures (default: ${DEFAULT-VALUE}).")
    double sampleSeconds;

    @Override
    public Integer call() throws JMSException, IOException, InterruptedException {
        ConsoleOptions options;
        try {
            options = new ConsoleOptions(bind, port, Math.round(sampleSeconds * 1000), firstLine(passwordFile),
                    keystore, firstLine(keystorePasswordFile), hostNames);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        JournalConsole console = JournalConsole.start(connection.admin(), options);
        PrintWriter out = spec.commandLine().getOut();
        out.println("journalmq console: " + console.url() + " for " + connection.printableUrl() + " (Ctrl-C stops)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.close();
            stopped.countDown();
        }, "journalmq-console-stop"));
        stopped.await();
        return JournalMq.EXIT_OK;
    }

    private String firstLine(Path file) {
        if (file == null) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0).strip();
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
        }
    }
}
