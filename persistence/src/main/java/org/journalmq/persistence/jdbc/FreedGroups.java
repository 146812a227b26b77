package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Message groups after a transaction's acks and claims: the acknowledged groups that nobody holds
 * any more while rows of them wait. Usually none, since a consumer that acknowledges still holds
 * the group's next row, or claims it in the same transaction; only the other consumers of those
 * addresses need a wake, which no send or release would give them.
 */
final class FreedGroups {

    private FreedGroups() {
    }

    /**
     * @param acked the acknowledged groups, each as (destination, group id)
     * @return the destinations of the groups among them that are free with rows waiting
     */
    static Set<String> find(Connection c, Sql sql, Collection<List<String>> acked) throws SQLException {
        Set<String> freed = new LinkedHashSet<>();
        if (acked.isEmpty()) {
            return freed;
        }
        try (PreparedStatement ps = c.prepareStatement(sql.groupFreed)) {
            for (List<String> group : acked) {
                if (freed.contains(group.get(0))) {
                    continue;
                }
                ps.setString(1, group.get(0));
                ps.setString(2, group.get(1));
                ps.setString(3, group.get(0));
                ps.setString(4, group.get(1));
                ps.setInt(5, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        freed.add(group.get(0));
                    }
                }
            }
        }
        return freed;
    }
}
