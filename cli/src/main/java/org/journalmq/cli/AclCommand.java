package org.journalmq.cli;

import jakarta.jms.JMSException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.persistence.AccessGrant;
import org.journalmq.persistence.JournalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code journalmq acl}: the per-destination access control list (issue 15 item 1), kept in the
 * journal's own table: grant, revoke and list.
 */
@Command(name = "acl", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING,
        footer = {"  journalmq acl grant admin manage 'queue:*' 'topic:*'", "  journalmq acl grant alice send 'queue:orders.*'",
                "  journalmq acl list --json"},
        description = {"Per-destination permissions: a principal (database user or PostgreSQL role) may send,"
                + " consume, browse or manage the destinations a pattern matches (queue:<name>, topic:<name>,"
                + " temp-queue:<name>, temp-topic:<name>; * matches any run of characters). An empty list"
                + " permits everything; the first grant is permitted to anyone, every later change needs manage"
                + " on queue:* and topic:*, so give both to an administrator in the first grant."},
        subcommands = {AclCommand.GrantCommand.class, AclCommand.RevokeCommand.class, AclCommand.ListCommand.class})
public class AclCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: grant, revoke or list");
    }

    /** The three words of a grant, shared by grant and revoke. */
    abstract static class Change extends ConnectedCommand {

        @Parameters(index = "0", paramLabel = "PRINCIPAL", description = "A database user or (PostgreSQL) role.")
        String principal;

        @Parameters(index = "1", paramLabel = "OPERATION", description = "send, consume, browse or manage.")
        String operation;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "PATTERN",
                description = "queue:<name>, topic:<name>, temp-queue:<name> or temp-topic:<name>; * matches any run.")
        List<String> patterns;

        /** The grants the words name, one per pattern; a bad word is a usage error. */
        List<AccessGrant> grants() {
            try {
                AccessGrant.Operation op = AccessGrant.Operation.ofWord(operation);
                return patterns.stream().map(p -> new AccessGrant(principal, op, p)).toList();
            } catch (JournalException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }

        void print(String line) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(line);
            out.flush();
        }
    }

    /** {@code acl grant}. */
    @Command(name = "grant", mixinStandardHelpOptions = true,
            footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq acl grant alice consume 'queue:orders'",
            description = {"Permits PRINCIPAL to do OPERATION on the destinations each PATTERN matches, in one"
                    + " transaction."})
    public static class GrantCommand extends Change {
        @Override
        public Integer call() throws JMSException {
            List<AccessGrant> grants = grants();
            try (JournalAdmin admin = connection.admin()) {
                int added = admin.grant(grants);
                print("granted " + added + " of " + grants.size() + " (the others existed already): "
                        + grants.stream().map(AccessGrant::toString).collect(java.util.stream.Collectors.joining(", ")));
            }
            return JournalMq.EXIT_OK;
        }
    }

    /** {@code acl revoke}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq acl revoke alice consume 'queue:orders'",
            description = {"Removes grants. Revoking the last one empties the list, which permits everything."})
    public static class RevokeCommand extends Change {
        @Override
        public Integer call() throws JMSException {
            try (JournalAdmin admin = connection.admin()) {
                for (AccessGrant grant : grants()) {
                    print(admin.revoke(grant) ? "revoked " + grant : "no such grant: " + grant);
                }
            }
            return JournalMq.EXIT_OK;
        }
    }

    /** {@code acl list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq acl list --json",
            description = {"Prints every grant, one per line: principal, operation, pattern."})
    public static class ListCommand extends ConnectedCommand {

        @Option(names = "--json", description = "Print a JSON array of {principal, operation, pattern}.")
        boolean json;

        @Override
        public Integer call() throws JMSException {
            List<AccessGrant> grants;
            try (JournalAdmin admin = connection.admin()) {
                grants = admin.grants();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (AccessGrant g : grants) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("principal", g.principal());
                    row.put("operation", g.operation().word());
                    row.put("pattern", g.pattern());
                    rows.add(row);
                }
                out.println(Json.write(rows));
            } else if (grants.isEmpty()) {
                out.println("no grants: every operation is permitted");
            } else {
                grants.forEach(out::println);
            }
            out.flush();
            return JournalMq.EXIT_OK;
        }
    }
}
