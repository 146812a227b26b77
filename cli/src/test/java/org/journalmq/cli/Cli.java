package org.journalmq.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code journalmq} in this JVM, as a user would from a shell, capturing what it prints. */
final class Cli {

    private Cli() {
    }

    /** What one command did. */
    record Result(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new JournalMq());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * {@code command} followed by the journal's connection options and then {@code args}; a command
     * of several words ("dlq replay") names a subcommand, which takes the options after it.
     */
    static Result run(String command, List<String> journal, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(command.split(" ")));
        all.addAll(journal);
        all.addAll(Arrays.asList(args));
        return run(all.toArray(String[]::new));
    }
}
