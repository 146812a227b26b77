package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.journalmq.jms.ProviderVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParseResult;

/**
 * A new user's first minute (issue 17): {@code journalmq --help} and the help of every subcommand
 * end with an "Example:" section, and every example is a command line that parses, for the command
 * whose help shows it; {@code --version} says what it knows.
 */
class HelpExamplesTest {

    /** Every command of the tree, root first: "", "demo", ..., "dlq", "dlq list", ..., "help". */
    private static List<String> allCommands() {
        List<String> names = new ArrayList<>();
        collect(new CommandLine(new JournalMq()), "", names);
        return names;
    }

    private static void collect(CommandLine cl, String path, List<String> names) {
        names.add(path);
        for (var sub : cl.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().aliases().length > 0
                    && !sub.getKey().equals(sub.getValue().getCommandName())) {
                continue; // an alias of a command already listed
            }
            collect(sub.getValue(), (path.isEmpty() ? "" : path + " ") + sub.getKey(), names);
        }
    }

    /** The lines after "Example:" in a help text, without their indentation. */
    private static List<String> examples(String help) {
        List<String> lines = Arrays.asList(help.split("\\R"));
        int heading = lines.indexOf("Example:");
        List<String> examples = new ArrayList<>();
        if (heading >= 0) {
            for (String line : lines.subList(heading + 1, lines.size())) {
                if (!line.isBlank()) {
                    examples.add(line.strip());
                }
            }
        }
        return examples;
    }

    /** Shell words of an example: blanks separate, double or single quotes group (no escapes needed). */
    static List<String> words(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char ch : commandLine.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    word.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(ch)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(ch);
            }
        }
        assertEquals(0, quote, () -> "unbalanced quote in " + commandLine);
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void theWordSplitterKeepsQuotedTextTogether() {
        assertEquals(List.of("journalmq", "send", "--selector", "region = 'eu'", "a b"),
                words("journalmq send --selector \"region = 'eu'\" 'a b'"));
    }

    @Test
    @DisplayName("journalmq --help and every subcommand's --help print an Example: section (issue 17, item 5)")
    void everyHelpHasAnExample() {
        List<String> commands = allCommands();
        // the tree as the README lists it; a new command joins this check automatically
        assertTrue(commands.containsAll(List.of("", "demo", "send", "receive", "browse", "stat", "dlq", "dlq list",
                "dlq replay", "purge", "move", "help")), commands::toString);
        for (String command : commands) {
            List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
            args.add("--help");
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(JournalMq.EXIT_OK, r.exitCode(), r::toString);
            List<String> examples = examples(r.out());
            assertFalse(examples.isEmpty(), () -> "no Example: in the help of 'journalmq " + command + "':\n" + r.out());
            for (String example : examples) {
                assertTrue(example.startsWith("journalmq " + command), () -> "the example of 'journalmq " + command
                        + "' runs another command: " + example);
            }
        }
    }

    @Test
    @DisplayName("every example parses: the options it shows exist and take the values it gives")
    void everyExampleParses() {
        for (String command : allCommands()) {
            CommandLine cl = new CommandLine(new JournalMq());
            for (String part : command.isEmpty() ? new String[0] : command.split(" ")) {
                cl = cl.getSubcommands().get(part);
            }
            for (String example : examples(cl.getUsageMessage(Ansi.OFF))) {
                List<String> words = words(example);
                assertEquals("journalmq", words.get(0), example);
                ParseResult parsed = assertDoesNotThrow(
                        () -> new CommandLine(new JournalMq()).parseArgs(words.subList(1, words.size()).toArray(String[]::new)),
                        example);
                List<String> path = new ArrayList<>();
                for (ParseResult p = parsed.subcommand(); p != null; p = p.subcommand()) {
                    path.add(p.commandSpec().name());
                }
                // the command itself, or for a group such as dlq one of its own subcommands
                String ran = String.join(" ", path);
                assertTrue(command.isEmpty() || ran.equals(command) || ran.startsWith(command + " "),
                        () -> "example shown by '" + command + "' runs '" + ran + "': " + example);
            }
        }
    }

    /**
     * The provider is on this test's class path as classes (a build of this module alone) or as its
     * jar (a reactor build past the package phase, as {@code mvn verify} runs it): the version is the
     * jar manifest's when there is one, else the explicit development version. CliJarIT checks the
     * released jar.
     */
    @Test
    @DisplayName("--version prints the provider's manifest version, or the explicit development version when run from classes")
    void versionFromManifestOrClasses() {
        Cli.Result r = Cli.run("--version");
        assertEquals(JournalMq.EXIT_OK, r.exitCode(), r::toString);
        String manifest = ProviderVersion.class.getPackage().getImplementationVersion();
        String expected = manifest == null ? ProviderVersion.DEVELOPMENT.text() : manifest;
        assertEquals(List.of("journalmq " + expected), r.outLines());
    }
}
