package org.journalmq.persistence.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Migration 10 on PostgreSQL (issue 15 item 1): the database enforces the ACL of migration 9 itself,
 * so that a client's credentials used with raw SQL reach no more than the same credentials through
 * JournalMQ. The tables belong to the admin role that ran the migrations; table owners bypass
 * row-level security (it is ENABLEd, not FORCEd), so the admin and the SECURITY DEFINER functions
 * below, which run as the owner, see every row. Clients are other roles, given table rights by
 * {@link #clientGrants}.
 *
 * <p>The rules are those of the JournalMQ-side checks: an empty ACL permits everything; otherwise an
 * operation on a destination needs an ACL row for the session user or a role it is a member of,
 * whose pattern matches the destination's ACL name: {@code Q:n} is {@code queue:n}, {@code T:n}
 * {@code topic:n}, {@code q:n} {@code temp-queue:n}, {@code t:n} {@code temp-topic:n}, and a
 * subscription's address ({@code D:}, {@code S:}, {@code N:}) is its topic's name.
 */
final class RowSecurity {
    /** Role names that may be written into a GRANT without quoting. */
    private static final Pattern ROLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private RowSecurity() {
    }

    static List<String> migration(Tables t) {
        List<String> s = new ArrayList<>();
        // The role that created a temporary destination: only it may consume from or browse it.
        // First: the functions' bodies are checked against the tables when they are created.
        s.add("ALTER TABLE " + t.temporary() + " ADD COLUMN IF NOT EXISTS owner_role VARCHAR(128) DEFAULT session_user");
        s.add(allowedFunction(t));
        s.add(mayManageAclFunction(t));
        s.add(bodyReferencedFunction(t));
        s.add(releaseExpiredLeasesFunction(t));
        s.add(sweepExpiredFunction(t));
        s.add(dropOrphanSubscriptionsFunction(t));
        s.add(sweepTemporaryRowsFunction(t));
        s.add(commitPreparedSendsFunction(t));
        s.add(tagPublishedFunction(t));
        s.add(statsFunction(t));
        s.add(deadLetterFunction(t));
        // EXECUTE stays with PUBLIC (PostgreSQL's default): a client role that had table GRANTs
        // before this migration keeps working while the ACL is empty. The functions reveal no
        // message, do only what any client's maintenance does, and judge the session user.
        for (String function : functionSignatures(t)) {
            // A definer function with the default search_path would resolve names in pg_temp first,
            // where any client can create a table named like ours: pin it to the migration's schema.
            s.add("DO $$ BEGIN EXECUTE format('ALTER FUNCTION " + function
                    + " SET search_path = %I, pg_temp', current_schema()); END $$");
        }
        s.addAll(temporaryPolicies(t));
        s.addAll(deliveryPolicies(t));
        s.addAll(bodyPolicies(t));
        s.addAll(subscriptionPolicies(t));
        s.addAll(duplicateIdPolicies(t));
        s.addAll(aclPolicies(t));
        return s;
    }

    /** The functions of this migration with their argument types, as GRANT and ALTER name them. */
    static List<String> functionSignatures(Tables t) {
        return List.of(t.allowedFunction() + "(text, text)", t.mayManageAclFunction() + "()",
                t.bodyReferencedFunction() + "(bigint)", t.releaseExpiredLeasesFunction() + "(integer)",
                t.sweepExpiredFunction() + "(integer)", t.dropOrphanSubscriptionsFunction() + "(integer)",
                t.sweepTemporaryRowsFunction() + "()", t.commitPreparedSendsFunction() + "(bigint)",
                t.tagPublishedFunction() + "(bigint, bigint[])", t.statsFunction() + "(bigint, bigint)",
                t.deadLetterFunction() + "(bigint, varchar, integer, bigint, varchar, integer, bigint, bigint, varchar,"
                        + " bigint, bytea, varchar)");
    }

    /**
     * The statements giving a client role what JournalMQ needs (the policies decide which rows): the
     * data tables, the id sequence and the functions. Nothing of DDL: a client never migrates.
     */
    static List<String> clientGrants(Tables t, String role) {
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("unsafe role name: " + role);
        }
        List<String> s = new ArrayList<>();
        s.add("GRANT SELECT ON " + t.schemaVersion() + " TO " + role);
        s.add("GRANT SELECT, INSERT, UPDATE, DELETE ON " + String.join(", ", t.delivery(), t.client(),
                t.subscription(), t.topicVersion(), t.consumer(), t.clientName(), t.body(), t.xaBranch(),
                t.duplicateId(), t.traffic(), t.acl()) + " TO " + role);
        // A temporary destination's owner role is never changed: only its deletion mark is.
        s.add("GRANT SELECT, INSERT, DELETE, UPDATE (deleted_at) ON " + t.temporary() + " TO " + role);
        s.add("GRANT USAGE, SELECT ON SEQUENCE " + t.idSequence() + " TO " + role);
        for (String function : functionSignatures(t)) {
            s.add("GRANT EXECUTE ON FUNCTION " + function + " TO " + role);
        }
        return s;
    }

    /** The database clock in epoch milliseconds, as the journal measures it. */
    private static final String NOW = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";

    /**
     * The ACL name of the destination {@code $2}, as a one-row derived table {@code n(destination,
     * name)}: a subscription's is its topic's, looked up in SUBSCRIPTION (NULL when it is gone,
     * which matches no pattern); {@code destination} is the queue or topic address named.
     */
    private static String aclName(Tables t) {
        String destination = "CASE WHEN substr($2, 1, 2) IN ('D:', 'S:', 'N:') THEN (SELECT s.topic FROM "
                + t.subscription() + " s WHERE s.address = $2) ELSE $2 END";
        return "(SELECT x.destination, " + direct("x.destination") + " AS name FROM (SELECT " + destination
                + " AS destination) x) n";
    }

    private static String direct(String d) {
        return "CASE substr(" + d + ", 1, 2) WHEN 'Q:' THEN 'queue:' || substr(" + d + ", 3)"
                + " WHEN 'T:' THEN 'topic:' || substr(" + d + ", 3)"
                + " WHEN 'q:' THEN 'temp-queue:' || substr(" + d + ", 3)"
                + " WHEN 't:' THEN 'temp-topic:' || substr(" + d + ", 3) ELSE " + d + " END";
    }

    /**
     * The pattern of ACL row {@code a} as a LIKE pattern: LIKE's own wildcards escaped, then the
     * ACL's '*' (any run of characters) turned into '%'.
     */
    private static final String LIKE =
            "replace(replace(replace(replace(a.pattern, '\\', '\\\\'), '%', '\\%'), '_', '\\_'), '*', '%')";

    /** An ACL row of the session user's, directly or through a role it is a member of. */
    private static String principalMatches() {
        // pg_has_role is strict: a principal that names no role (r.oid NULL) matches only by name.
        return "(a.principal = session_user OR pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))";
    }

    /**
     * allowed(operation, destination). Consuming from or browsing a temporary destination (or a
     * subscription of a temporary topic) is its creating role's alone, whatever the ACL: the
     * database cannot tell connections apart, so it holds the role to what JournalMQ holds the
     * connection. Everything else follows the ACL. session_user, not current_user: inside a definer function
     * current_user is the owner. A role switched to with SET ROLE is one the login user is a member
     * of anyway, so it grants nothing the user could not take. The pattern is matched as {@link #LIKE}.
     */
    private static String allowedFunction(Tables t) {
        return "CREATE OR REPLACE FUNCTION " + t.allowedFunction() + "(operation text, destination text)"
                + " RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$"
                + " SELECT CASE WHEN $1 IN ('consume', 'browse') AND n.name ~ '^temp-(queue|topic):'"
                + " THEN EXISTS (SELECT 1 FROM " + t.temporary() + " m WHERE m.address = n.destination"
                + " AND m.owner_role = session_user)"
                + " ELSE NOT EXISTS (SELECT 1 FROM " + t.acl() + ") OR EXISTS (SELECT 1 FROM " + t.acl()
                + " a LEFT JOIN pg_catalog.pg_roles r ON r.rolname = a.principal"
                + " WHERE a.operation = $1 AND " + principalMatches() + " AND n.name LIKE " + LIKE + ") END"
                + " FROM " + aclName(t) + " $$";
    }

    /**
     * Changing the ACL needs an empty ACL (the first grant bootstraps it; several rows in one
     * statement all see it empty), or manage on every queue and every topic: manage rows whose
     * patterns match {@code queue:*} and {@code topic:*} taken as names, as the JournalMQ-side
     * check ({@code AccessRules#permitsAclChanges}) judges it.
     */
    private static String mayManageAclFunction(Tables t) {
        String manages = "EXISTS (SELECT 1 FROM " + t.acl() + " a LEFT JOIN pg_catalog.pg_roles r"
                + " ON r.rolname = a.principal WHERE a.operation = 'manage' AND " + principalMatches() + " AND ";
        return "CREATE OR REPLACE FUNCTION " + t.mayManageAclFunction() + "()"
                + " RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$"
                + " SELECT NOT EXISTS (SELECT 1 FROM " + t.acl() + ")"
                + " OR " + manages + "'queue:*' LIKE " + LIKE + ") AND " + manages + "'topic:*' LIKE " + LIKE + ")"
                + " $$";
    }

    /**
     * Whether any delivery row, visible to the caller or not, references a body: the body sweep of a
     * client must not take the body of rows only another role may read.
     */
    private static String bodyReferencedFunction(Tables t) {
        return "CREATE OR REPLACE FUNCTION " + t.bodyReferencedFunction() + "(body bigint)"
                + " RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER AS $$"
                + " SELECT EXISTS (SELECT 1 FROM " + t.delivery() + " d WHERE d.body_id = $1) $$";
    }

    /**
     * Lease expiry across every destination (a dead client's leases may be on destinations the
     * caller may not read). Takes the database clock, not a parameter, so that a client cannot
     * release live leases early. Returns one row per released row: its destination and old owner.
     */
    private static String releaseExpiredLeasesFunction(Tables t) {
        String d = t.delivery();
        return "CREATE OR REPLACE FUNCTION " + t.releaseExpiredLeasesFunction() + "(max_rows integer)"
                + " RETURNS TABLE (destination varchar, owner varchar) LANGUAGE sql VOLATILE SECURITY DEFINER AS $$"
                + " WITH picked AS (SELECT id, owner FROM " + d + " WHERE state = 1 AND lease_until < " + NOW
                + " ORDER BY lease_until LIMIT $1 FOR UPDATE SKIP LOCKED)"
                + " UPDATE " + d + " x SET state = 0, owner = NULL, lease_until = 0 FROM picked"
                + " WHERE x.id = picked.id RETURNING x.destination, picked.owner $$";
    }

    /**
     * The expiry sweep across every destination: expired ready rows with an expiry address move
     * there, the others are deleted, by the database clock. Returns (origin, target) per row, target
     * NULL for a deleted one.
     */
    private static String sweepExpiredFunction(Tables t) {
        String d = t.delivery();
        return "CREATE OR REPLACE FUNCTION " + t.sweepExpiredFunction() + "(max_rows integer)"
                + " RETURNS TABLE (origin varchar, target varchar) LANGUAGE sql VOLATILE SECURITY DEFINER AS $$"
                + " WITH picked AS (SELECT id, expiry_address FROM " + d + " WHERE expires_at > 0 AND expires_at <= "
                + NOW + " AND state = 0 LIMIT $1 FOR UPDATE SKIP LOCKED),"
                + " dropped AS (DELETE FROM " + d + " x USING picked WHERE x.id = picked.id"
                + " AND picked.expiry_address IS NULL RETURNING x.destination, CAST(NULL AS varchar)),"
                + " moved AS (UPDATE " + d + " x SET origin = x.destination, destination = x.expiry_address,"
                + " expired_at = x.expires_at, expires_at = 0, expiry_address = NULL, deliver_at = 0, delivery_count = 0"
                + " FROM picked WHERE x.id = picked.id AND picked.expiry_address IS NOT NULL"
                + " RETURNING x.origin, x.destination)"
                + " SELECT * FROM dropped UNION ALL SELECT * FROM moved $$";
    }

    /**
     * Drops non-durable subscriptions left without a consumer, with their rows, on every topic
     * (the caller may not be allowed to read them). One subscription at a time, each checked again
     * for a consumer once its row is locked, as subscribe and attach lock it first: PL/pgSQL takes a
     * fresh snapshot per statement, so a consumer attached meanwhile is seen. The topic's version
     * is bumped so that publishers' cached subscription lists are refreshed. Returns the dropped
     * (address, topic) pairs.
     */
    private static String dropOrphanSubscriptionsFunction(Tables t) {
        String s = t.subscription();
        String noConsumer = "NOT EXISTS (SELECT 1 FROM " + t.consumer() + " k WHERE k.address = ";
        return "CREATE OR REPLACE FUNCTION " + t.dropOrphanSubscriptionsFunction() + "(max_rows integer)"
                + " RETURNS TABLE (dropped_address varchar, dropped_topic varchar) LANGUAGE plpgsql VOLATILE"
                + " SECURITY DEFINER AS $$ DECLARE o record; BEGIN"
                + " FOR o IN SELECT c.address, c.topic FROM " + s + " c WHERE c.durable = 0 AND " + noConsumer
                + "c.address) LIMIT max_rows LOOP"
                + " PERFORM 1 FROM " + s + " x WHERE x.address = o.address FOR UPDATE SKIP LOCKED;"
                + " IF FOUND AND " + noConsumer + "o.address) THEN"
                + " UPDATE " + t.topicVersion() + " v SET version = v.version + 1 WHERE v.topic = o.topic;"
                + " DELETE FROM " + t.delivery() + " x WHERE x.destination = o.address;"
                + " DELETE FROM " + s + " x WHERE x.address = o.address;"
                + " dropped_address := o.address; dropped_topic := o.topic; RETURN NEXT;"
                + " END IF; END LOOP; END $$";
    }

    /**
     * Deletes the rows of every tombstoned temporary destination (its owner closed or died), on
     * every destination, whoever may read them. Returns how many rows went.
     */
    private static String sweepTemporaryRowsFunction(Tables t) {
        return "CREATE OR REPLACE FUNCTION " + t.sweepTemporaryRowsFunction() + "()"
                + " RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER AS $$"
                + " WITH gone AS (DELETE FROM " + t.delivery() + " x USING " + t.temporary() + " m"
                + " WHERE m.deleted_at IS NOT NULL AND x.destination = m.address RETURNING 1)"
                + " SELECT COUNT(*) FROM gone $$";
    }

    /**
     * Commits a prepared XA branch's sends. PostgreSQL checks an updated row against the SELECT
     * policy too, and a ready row is not the sender's to read: so the state change runs here, as
     * the owner, for the rows the session user may send to (those it could have sent itself).
     */
    private static String commitPreparedSendsFunction(Tables t) {
        return "CREATE OR REPLACE FUNCTION " + t.commitPreparedSendsFunction() + "(branch bigint)"
                + " RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER AS $$"
                + " WITH done AS (UPDATE " + t.delivery() + " SET state = 0, xa_branch = NULL"
                + " WHERE xa_branch = $1 AND state = 2 AND " + t.allowedFunction() + "('send', destination)"
                + " RETURNING 1) SELECT COUNT(*) FROM done $$";
    }

    /**
     * Marks the copies an XA publication just inserted as prepared sends of its branch: a publisher
     * may insert copies on subscriptions it may not update. Only rows this very transaction
     * inserted (xmin), so nobody can hide another's ready rows with it.
     */
    private static String tagPublishedFunction(Tables t) {
        return "CREATE OR REPLACE FUNCTION " + t.tagPublishedFunction() + "(branch bigint, ids bigint[])"
                + " RETURNS bigint LANGUAGE sql VOLATILE SECURITY DEFINER AS $$"
                + " WITH done AS (UPDATE " + t.delivery() + " SET state = 2, xa_branch = $1"
                + " WHERE id = ANY($2) AND state = 0 AND xmin = pg_catalog.pg_current_xact_id()::xid"
                + " RETURNING 1) SELECT COUNT(*) FROM done $$";
    }

    /**
     * The operators' figures per destination over every row: which destinations exist and how many
     * messages wait is what every client sees anyway (the traffic counts), while row-level security
     * would make a queue a role may not browse look unknown, hiding a refusal behind "no such queue".
     */
    private static String statsFunction(Tables t) {
        return "CREATE OR REPLACE FUNCTION " + t.statsFunction() + "(now_ready bigint, now_scheduled bigint)"
                + " RETURNS TABLE (destination varchar, ready bigint, in_flight bigint, scheduled bigint, oldest bigint)"
                + " LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT destination,"
                + " SUM(CASE WHEN state = 0 AND deliver_at <= $1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN state <> 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN state = 0 AND deliver_at > $2 THEN 1 ELSE 0 END),"
                + " MIN(created_at) FROM " + t.delivery() + " GROUP BY destination ORDER BY destination $$";
    }

    /**
     * The move of a held row to its dead-letter queue: the consumer may consume the row's
     * destination but need not be allowed to send to the dead-letter queue, which is the provider's
     * doing, not the consumer's. So the row is taken here, as the owner, on the conditions of an ack
     * (claim token: id, owner, delivery count; still claimed) and only if the session user may
     * consume its destination; then the copy is inserted as a plain send. Returns false when no such
     * row was taken (the lease was lost, or the caller may not consume it): nothing is then written.
     * The copy may only go to a queue address, so that nobody writes to a topic's subscriptions or
     * a temporary queue through it.
     */
    private static String deadLetterFunction(Tables t) {
        String d = t.delivery();
        return "CREATE OR REPLACE FUNCTION " + t.deadLetterFunction() + "(p_held bigint, p_owner varchar,"
                + " p_count integer, p_copy bigint, p_target varchar, p_priority integer, p_deliver_at bigint,"
                + " p_expires_at bigint, p_group varchar, p_created_at bigint, p_data bytea, p_expiry varchar)"
                + " RETURNS boolean LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$ BEGIN"
                + " IF p_target IS NULL OR substr(p_target, 1, 2) <> 'Q:' OR length(p_target) < 3 THEN"
                + " RAISE EXCEPTION 'dead-letter address is not a queue: %', p_target USING ERRCODE = '22023';"
                + " END IF;"
                + " DELETE FROM " + d + " x WHERE x.id = p_held AND x.owner = p_owner AND x.delivery_count = p_count"
                + " AND x.state = 1 AND " + t.allowedFunction() + "('consume', x.destination);"
                + " IF NOT FOUND THEN RETURN false; END IF;"
                + " INSERT INTO " + d + " (id, destination, priority, priority_rank, deliver_at, expires_at, state,"
                + " owner, lease_until, delivery_count, group_id, created_at, data, expiry_address)"
                + " VALUES (p_copy, p_target, p_priority, 9 - p_priority, p_deliver_at, p_expires_at, 0, NULL, 0, 0,"
                + " p_group, p_created_at, p_data, p_expiry);"
                + " RETURN true; END $$";
    }

    @SafeVarargs
    private static List<String> enable(String table, List<String>... policies) {
        List<String> s = new ArrayList<>();
        s.add("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
        for (List<String> policy : policies) {
            s.addAll(policy);
        }
        return s;
    }

    /** A policy, replaced if it exists: a migration may run again (PostgreSQL has no CREATE OR REPLACE POLICY). */
    private static List<String> policy(String name, String table, String command, String using, String check) {
        return List.of("DROP POLICY IF EXISTS " + name + " ON " + table, "CREATE POLICY " + name + " ON " + table
                + " FOR " + command + (using == null ? "" : " USING (" + using + ")")
                + (check == null ? "" : " WITH CHECK (" + check + ")"));
    }

    /**
     * TEMPORARY: its rows carry the creating role, which decides who may consume from or browse
     * the temporary destination; a client may insert rows of its own role only. Any client may mark
     * one deleted (the maintenance of a live client does so for a dead one) and forget tombstones;
     * the owner role itself is never updated (the GRANT covers deleted_at alone).
     */
    private static List<String> temporaryPolicies(Tables t) {
        String m = t.temporary();
        return enable(m,
                policy(m + "_sel", m, "SELECT", "true", null),
                policy(m + "_ins", m, "INSERT", null, "owner_role = session_user"),
                policy(m + "_upd", m, "UPDATE", "true", "true"),
                policy(m + "_del", m, "DELETE", "true", null));
    }

    /**
     * DELIVERY: send inserts, consume claims, releases and acknowledges, browse only reads, manage
     * (the operators' purge, move and dead-letter replay of matching destinations) does all. A
     * prepared XA send (state 2) is the sender's to commit or roll back. Fan-out to a topic's
     * subscriptions passes with send on the topic, since a subscription row's ACL name is its topic's.
     */
    private static List<String> deliveryPolicies(Tables t) {
        String d = t.delivery();
        String f = t.allowedFunction();
        String send = f + "('send', destination)";
        String consume = f + "('consume', destination)";
        String browse = f + "('browse', destination)";
        String manage = f + "('manage', destination)";
        String ownPrepared = "(state = 2 AND " + send + ")";
        return enable(d,
                policy(d + "_ins", d, "INSERT", null, send + " OR " + manage),
                policy(d + "_sel", d, "SELECT", consume + " OR " + browse + " OR " + manage + " OR " + ownPrepared, null),
                policy(d + "_upd", d, "UPDATE", consume + " OR " + manage + " OR " + ownPrepared,
                        consume + " OR " + manage + " OR (state IN (0, 2) AND " + send + ")"),
                policy(d + "_del", d, "DELETE", consume + " OR " + manage + " OR " + ownPrepared, null));
    }

    /**
     * BODY: anyone may store a body (it is reachable only through delivery rows); a body is read
     * through a delivery row the caller may read, and deleted only when no row at all references it.
     */
    private static List<String> bodyPolicies(Tables t) {
        String b = t.body();
        return enable(b,
                policy(b + "_ins", b, "INSERT", null, "true"),
                policy(b + "_sel", b, "SELECT", "EXISTS (SELECT 1 FROM " + t.delivery() + " d WHERE d.body_id = "
                        + b + ".id)", null),
                policy(b + "_del", b, "DELETE", "NOT " + t.bodyReferencedFunction() + "(id)", null));
    }

    /** SUBSCRIPTION: a publisher reads the subscriptions it fans out to; subscribing is consuming the topic. */
    private static List<String> subscriptionPolicies(Tables t) {
        String s = t.subscription();
        String f = t.allowedFunction();
        String consume = f + "('consume', topic)";
        return enable(s,
                policy(s + "_sel", s, "SELECT", f + "('send', topic) OR " + consume + " OR " + f + "('browse', topic)"
                        + " OR " + f + "('manage', topic)", null),
                policy(s + "_ins", s, "INSERT", null, consume),
                policy(s + "_upd", s, "UPDATE", consume, consume),
                policy(s + "_del", s, "DELETE", consume, null));
    }

    /** DUPLICATE_ID: the sender's; an id whose window ended may be swept by anyone. */
    private static List<String> duplicateIdPolicies(Tables t) {
        String u = t.duplicateId();
        String send = t.allowedFunction() + "('send', destination)";
        return enable(u,
                policy(u + "_sel", u, "SELECT", send, null),
                policy(u + "_ins", u, "INSERT", null, send),
                policy(u + "_upd", u, "UPDATE", send, send),
                policy(u + "_del", u, "DELETE", send + " OR expires_at <= " + NOW, null));
    }

    /** ACL: readable by every client (the JournalMQ-side checks read it); changed only by a manager. */
    private static List<String> aclPolicies(Tables t) {
        String a = t.acl();
        String manage = t.mayManageAclFunction() + "()";
        return enable(a,
                policy(a + "_sel", a, "SELECT", "true", null),
                policy(a + "_ins", a, "INSERT", null, manage),
                policy(a + "_upd", a, "UPDATE", manage, manage),
                policy(a + "_del", a, "DELETE", manage, null));
    }
}
