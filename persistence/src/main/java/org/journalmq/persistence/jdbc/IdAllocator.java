package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.journalmq.persistence.dialect.Dialect;

/**
 * Hands out message ids from blocks of {@link Dialect#ID_BLOCK_SIZE} taken from the database
 * sequence, so appending costs no round trip per message. Ids are unique, not gap-free, and only
 * roughly ordered across JVMs: nothing may rely on "every id below X has committed".
 */
// Not final: the XA prepare (XaBranches) records the ids of the rows it writes.
class IdAllocator {
    private final String nextBlockSql;
    private long next;
    private long limit;

    IdAllocator(Dialect dialect, Database db) {
        this.nextBlockSql = dialect.nextIdBlock(db.tables);
    }

    /** The next id; fetches a new block on the given connection when the current one is used up. */
    synchronized long next(Connection c) throws SQLException {
        if (next >= limit) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(nextBlockSql)) {
                rs.next();
                next = rs.getLong(1);
                limit = next + Dialect.ID_BLOCK_SIZE;
            }
        }
        return next++;
    }
}
