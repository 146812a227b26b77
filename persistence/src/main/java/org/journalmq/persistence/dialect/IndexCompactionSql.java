package org.journalmq.persistence.dialect;

/**
 * The statements of the automatic index compaction (PostgreSQL): after an exceptional backlog has
 * drained, the journal's B-tree indexes keep their high-water mark (docs/benchmarks.md, "Deep
 * queues"), which only a rebuild gives back. Every statement runs with autocommit on, since
 * {@code REINDEX ... CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY} refuse a transaction block.
 *
 * @param sizes     one row per compacted table that exists: table name, the REINDEX statement
 *                  (identifiers quoted by the database), the estimated live rows (never a count),
 *                  the bytes of its indexes, how many indexes it has, whether the session user may
 *                  rebuild them (owns the table, directly or through a role), its dead rows
 *                  (estimated), whether autovacuum cleans it
 * @param leftovers the DROP statements of invalid indexes an interrupted rebuild left on the
 *                  compacted tables (names ending {@code _ccnew} or {@code _ccold}, with a digit
 *                  suffix when repeated)
 * @param tryLock   takes the cross-JVM compaction lock for the session if free; one row, true when taken
 * @param unlock    gives the session's compaction lock back
 */
public record IndexCompactionSql(String sizes, String leftovers, String tryLock, String unlock) {
}
