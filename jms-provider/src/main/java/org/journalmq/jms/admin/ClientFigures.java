package org.journalmq.jms.admin;

import java.util.List;

/**
 * What operators see of one live journal client: a JVM-level connection group, in this JVM or
 * another one sharing the database.
 *
 * @param id             its journal id, the owner of the rows it has claimed
 * @param startedAt      journal-clock time it started (epoch milliseconds)
 * @param heartbeatAgeMs time since its last heartbeat on the journal clock; a client is live while
 *                       this stays within one lease
 * @param consumers      consumers and subscribers it has attached
 * @param clientIds      the JMS client IDs its connections have set
 */
public record ClientFigures(String id, long startedAt, long heartbeatAgeMs, int consumers, List<String> clientIds) {
    public ClientFigures {
        clientIds = List.copyOf(clientIds);
    }
}
