package org.journalmq.persistence;

/**
 * The JDBC connection pool of one journal, as its pool reports it at the moment of the call.
 *
 * @param active  connections borrowed now
 * @param idle    connections open and waiting in the pool
 * @param total   open connections (active + idle)
 * @param waiting threads waiting for a connection
 * @param maximum the configured maximum pool size
 */
public record PoolFigures(int active, int idle, int total, int waiting, int maximum) {
}
