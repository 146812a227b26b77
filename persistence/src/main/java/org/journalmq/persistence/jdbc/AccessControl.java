package org.journalmq.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.journalmq.persistence.AccessGrant;
import org.journalmq.persistence.AccessRules;
import org.journalmq.persistence.JournalException;

/**
 * The access control list (migration 9, issue 15 item 1) of one journal: reads, grants and revokes
 * rows, and keeps the last snapshot so that checks on the send and consume paths cost no query.
 * The snapshot is refreshed by maintenance, so another JVM's change applies here within one
 * maintenance interval.
 */
final class AccessControl {
    private final Database db;
    private final String selectAll;
    private final String selectOne;
    private final String insert;
    private final String delete;
    private final List<String> principals;
    private volatile AccessRules rules;

    AccessControl(Database db) {
        this.db = db;
        String acl = db.tables.acl();
        selectAll = "SELECT principal, operation, pattern FROM " + acl + " ORDER BY principal, operation, pattern";
        selectOne = "SELECT 1 FROM " + acl + " WHERE principal = ? AND operation = ? AND pattern = ?";
        insert = "INSERT INTO " + acl + " (principal, operation, pattern) VALUES (?, ?, ?)";
        delete = "DELETE FROM " + acl + " WHERE principal = ? AND operation = ? AND pattern = ?";
        this.principals = readPrincipals();
        this.rules = new AccessRules(list());
    }

    /** The user as the driver reports it, then its roles where the dialect knows them. */
    private List<String> readPrincipals() {
        Optional<String> roles = db.dialect.memberRoles();
        return db.transaction("read the client's principals", c -> {
            List<String> found = new ArrayList<>();
            found.add(c.getMetaData().getUserName());
            if (roles.isPresent()) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(roles.get())) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return Collections.unmodifiableList(found);
        });
    }

    List<String> principals() {
        return principals;
    }

    AccessRules rules() {
        return rules;
    }

    /** Reads the list again; called by maintenance and after this journal's own changes. */
    void refresh() {
        rules = new AccessRules(list());
    }

    List<AccessGrant> list() {
        return db.transaction("read the access control list", c -> {
            List<AccessGrant> grants = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(selectAll); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    grants.add(new AccessGrant(rs.getString(1), AccessGrant.Operation.ofWord(rs.getString(2)),
                            rs.getString(3)));
                }
            }
            return grants;
        });
    }

    /** Adds the grants in one transaction (so a bootstrap grants queue:* and topic:* together); returns how many were new. */
    int grant(List<AccessGrant> grants) {
        int added;
        try {
            added = insertMissing(grants);
        } catch (JournalException e) {
            // another JVM inserted one of them between our check and insert: once more, it is seen
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            added = insertMissing(grants);
        }
        refresh();
        return added;
    }

    private int insertMissing(List<AccessGrant> grants) {
        return db.transaction("grant " + grants, c -> {
            int n = 0;
            for (AccessGrant grant : grants) {
                if (!exists(c, grant)) {
                    try (PreparedStatement ps = c.prepareStatement(insert)) {
                        bind(ps, grant);
                        ps.executeUpdate();
                    }
                    n++;
                }
            }
            return n;
        });
    }

    boolean revoke(AccessGrant grant) {
        boolean removed = db.transaction("revoke " + grant, c -> {
            try (PreparedStatement ps = c.prepareStatement(delete)) {
                bind(ps, grant);
                return ps.executeUpdate() > 0;
            }
        });
        refresh();
        return removed;
    }

    private boolean exists(java.sql.Connection c, AccessGrant grant) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(selectOne)) {
            bind(ps, grant);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void bind(PreparedStatement ps, AccessGrant grant) throws java.sql.SQLException {
        ps.setString(1, grant.principal());
        ps.setString(2, grant.operation().word());
        ps.setString(3, grant.pattern());
    }
}
