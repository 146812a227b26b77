package org.journalmq.persistence;

import java.util.List;

/**
 * A journal client (one JVM-level connection group) whose heartbeat is within one lease: what the
 * web console's clients page shows.
 *
 * @param clientId    its journal id, the owner stored on the rows it claims
 * @param startedAt   journal-clock time its row was first written
 * @param heartbeatAt journal-clock time of its last heartbeat
 * @param consumers   consumers and subscribers it has attached
 * @param names       JMS client IDs it has reserved, in name order
 */
public record LiveClient(String clientId, long startedAt, long heartbeatAt, int consumers, List<String> names) {
    public LiveClient {
        names = List.copyOf(names);
    }
}
