package org.journalmq.cli;

import org.journalmq.jms.ProviderVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code journalmq} command. Run {@code java -jar journalmq-cli.jar help} for the subcommands.
 *
 * <p>Embedding: {@code new CommandLine(new JournalMq()).execute(args)} behaves exactly as the
 * command line does (same one-line errors and exit codes), because the error handler is installed
 * by a model transformer rather than by {@link #main}.
 */
@Command(name = "journalmq",
        mixinStandardHelpOptions = true,
        versionProvider = JournalMq.Version.class,
        modelTransformer = JournalMq.InstallErrorHandler.class,
        description = "JournalMQ: Jakarta Messaging with the database as the broker.",
        subcommands = {DemoCommand.class, SendCommand.class, ReceiveCommand.class, BrowseCommand.class,
                StatCommand.class, DlqCommand.class, PurgeCommand.class, MoveCommand.class, AclCommand.class,
                CompactCommand.class,
                ConsoleCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:success",
                "1:failure (database unreachable, refused credentials, journal or JMS error)",
                "2:invalid arguments (options, queue name, property names, selector, unknown destination)",
                "3:receive: no message arrived within --timeout"},
        footerHeading = JournalMq.EXAMPLE_HEADING,
        footer = {"  journalmq send --queue orders \"order #1\"",
                "  journalmq receive --queue orders --timeout 2000"})
public class JournalMq implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NOTHING_RECEIVED = 3;

    /**
     * The heading of the example every command's help ends with (issue 17: a new user's first
     * minute). Each example line is a full command line starting with {@code journalmq};
     * HelpExamplesTest parses every one of them, so an example cannot drift from the options.
     */
    static final String EXAMPLE_HEADING = "%nExample:%n";

    /** Inherited by every subcommand: {@code journalmq send --debug ...} works as well. */
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors and the journal's DEBUG logs.")
    boolean debug;

    @CommandLine.Spec
    CommandSpec spec;

    public static void main(String[] args) {
        for (String a : args) {
            if (a.equals("--debug")) {
                // slf4j-simple reads its level once, at the first logger: set it before anything logs
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
            }
        }
        System.exit(new CommandLine(new JournalMq()).execute(args));
    }

    /** {@code journalmq} alone prints the usage and fails, as a missing subcommand is a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** Installs the error reporters on the command line being built (see the class comment). */
    public static final class InstallErrorHandler implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.commandLine().setExecutionExceptionHandler(new ErrorReporter())
                    .setParameterExceptionHandler(new UsageErrorReporter());
            // picocli's own help subcommand takes no annotation of ours: its example is set here
            CommandLine help = spec.subcommands().get("help");
            if (help != null) {
                help.getCommandSpec().usageMessage().footerHeading(EXAMPLE_HEADING).footer("  journalmq help send");
            }
            return spec;
        }
    }

    /**
     * The provider's version, from the jar manifest ({@link ProviderVersion}): the one
     * ConnectionMetaData reports. Run from classes, it says "development build (no jar manifest)".
     */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"journalmq " + ProviderVersion.current().text()};
        }
    }
}
