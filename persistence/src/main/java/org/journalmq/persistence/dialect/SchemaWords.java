package org.journalmq.persistence.dialect;

/**
 * What one database needs said differently in the schema migrations ({@link Migrations}).
 *
 * @param createTable    the words that create a table ("CREATE TABLE", HSQLDB's "CREATE CACHED TABLE")
 * @param tableOptions   text after a table's closing parenthesis ("" or MariaDB's engine and collation)
 * @param largeBytes     the type of a message body (up to 16 MiB at least)
 * @param xidBytes       the type of a byte string of up to 64 bytes (an XID part)
 * @param longText       the type of a selector (up to 16,000 characters)
 * @param sequenceType   the clause declaring the id sequence's type (" AS BIGINT"), "" where the
 *                       database has none
 * @param partialIndexes whether an index can carry a WHERE clause
 */
record SchemaWords(String createTable, String tableOptions, String largeBytes, String xidBytes, String longText,
                   String sequenceType, boolean partialIndexes) {

    /** CREATE TABLE IF NOT EXISTS of a table with the given column and constraint list. */
    String table(String name, String columns) {
        return createTable + " IF NOT EXISTS " + name + " (" + columns + ")" + tableOptions;
    }
}
