package org.journalmq.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports invalid arguments in one line, with a pointer to the help, instead of picocli's default
 * of the message followed by the whole usage text: the reason is what the user needs to see.
 */
final class UsageErrorReporter implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String command = cl.getCommandSpec().qualifiedName();
        err.println(command + ": " + ex.getMessage() + " (see '" + command + " --help')");
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }
}
