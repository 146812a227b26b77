package org.journalmq.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that works on a journal: its own spec (for output streams and usage errors) and the
 * {@link ConnectionOptions} (--url, --user, --password, --table-prefix), declared here once.
 */
abstract class ConnectedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;
}
