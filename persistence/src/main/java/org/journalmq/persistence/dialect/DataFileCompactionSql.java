package org.journalmq.persistence.dialect;

/**
 * The statements of the automatic data file compaction (HSQLDB): after an exceptional backlog has
 * drained, the {@code .data} file keeps its high-water mark (its free space is reused, never given
 * back; docs/benchmarks.md, "Deep queues"), which only {@code CHECKPOINT DEFRAG} gives back. Unlike
 * PostgreSQL's concurrent rebuild, a defrag holds every other session of the database while it
 * copies the live rows to a new file, so it runs only once little is left to copy.
 *
 * @param file   one row when the database has a data file: its name, its size in bytes (the end of
 *               its used part) and the bytes inside it that hold nothing (as of the last checkpoint)
 * @param rows   one row: how many rows the journal's delivery table holds (the database's own count)
 * @param defrag the statement that rewrites the data file with the live rows only
 */
public record DataFileCompactionSql(String file, String rows, String defrag) {
}
