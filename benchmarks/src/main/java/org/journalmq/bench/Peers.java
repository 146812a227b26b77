package org.journalmq.bench;

import java.util.ArrayList;
import java.util.List;
import org.journalmq.bench.peer.ArtemisPeer;
import org.journalmq.bench.peer.ClassicPeer;
import org.journalmq.bench.peer.JournalPeer;
import org.journalmq.bench.peer.Peer;
import picocli.CommandLine;

/** The --peer names and how each peer starts. */
final class Peers {

    static final List<String> ALL = List.of("journalmq", "artemis", "classic-kahadb", "classic-jdbc");

    private Peers() {
    }

    /** The comma list of --peer, checked, in the given order, without repeats. */
    static List<String> names(String list, CommandLine cmd) {
        List<String> names = new ArrayList<>();
        for (String raw : list.split(",")) {
            String name = raw.trim();
            if (!ALL.contains(name)) {
                throw new CommandLine.ParameterException(cmd, "unknown --peer " + name + "; one of " + ALL);
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    static Peer start(String name, Bench options) throws Exception {
        return switch (name) {
            case "journalmq" -> new JournalPeer(options.url, options.user, options.password, options.tablePrefix);
            case "artemis" -> new ArtemisPeer();
            case "classic-kahadb" -> ClassicPeer.kahaDb();
            case "classic-jdbc" -> ClassicPeer.jdbc(options.peerJdbcUrl, options.peerJdbcUser,
                    System.getenv("AMQ_BENCH_PASSWORD"));
            default -> throw new IllegalArgumentException(name);
        };
    }
}
