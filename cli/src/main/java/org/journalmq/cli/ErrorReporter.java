package org.journalmq.cli;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.IdentityHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure of a subcommand into one line on stderr and an exit code. A user of a command
 * line tool needs the reason (which URL could not be reached, which name is invalid), not a stack
 * trace; {@code --debug} adds the trace for bug reports.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        String password = matchedPassword(parseResult);
        PrintWriter err = commandLine.getErr();
        if (debugRequested(parseResult)) {
            // the trace may quote a URL with a password in it, so it is redacted as well
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(Redaction.redact(trace.toString(), password));
        }
        err.println(commandLine.getCommandSpec().qualifiedName() + ": "
                + Redaction.redact(describe(ex), password));
        err.flush();
        return isInvalidArgument(ex) ? JournalMq.EXIT_USAGE : JournalMq.EXIT_ERROR;
    }

    /** A name the user typed was refused by the provider: that is a usage error, not a failure. */
    private static boolean isInvalidArgument(Throwable ex) {
        return ex instanceof InvalidDestinationException || ex instanceof InvalidDestinationRuntimeException
                || ex instanceof jakarta.jms.InvalidSelectorException
                || ex instanceof jakarta.jms.InvalidSelectorRuntimeException;
    }

    /**
     * The message of the exception, followed by those of its causes that add something (the JMS
     * layer often repeats its cause's message, so repeated text is left out). A refused login
     * shows only its own message.
     */
    static String describe(Throwable ex) {
        StringBuilder text = new StringBuilder(messageOf(ex));
        if (ex instanceof JMSSecurityException || ex instanceof JMSSecurityRuntimeException) {
            // the provider keeps user names and driver text out of security failures on purpose
            return text.toString();
        }
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        seen.put(ex, true);
        for (Throwable c = ex.getCause(); c != null && seen.put(c, true) == null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank() && text.indexOf(m) < 0) {
                text.append(": ").append(m);
            }
        }
        return text.toString();
    }

    private static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static boolean debugRequested(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** The password given on the command line or by the environment, to mask it wherever it shows. */
    private static String matchedPassword(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--password")) {
                return r.matchedOptionValue("--password", null);
            }
        }
        return System.getenv("JOURNALMQ_PASSWORD");
    }
}
