package org.journalmq.persistence.dialect;

import java.util.regex.Pattern;

/**
 * The names of the journal's tables, sequence and indexes for one table prefix. The prefix is the
 * only identifier part that reaches SQL as text, so it is validated again here (defence in depth,
 * JournalConfig already checked it): nothing else is ever concatenated into a statement.
 */
public record Tables(String prefix) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,19}");

    public Tables {
        if (prefix == null || !SAFE.matcher(prefix).matches()) {
            throw new IllegalArgumentException("unsafe table prefix: " + prefix);
        }
        // Unquoted identifiers: HSQLDB folds them to upper case, PostgreSQL to lower case, so the
        // same text names the same table in both as long as nobody quotes it.
    }

    public String delivery() {
        return prefix + "DELIVERY";
    }

    public String client() {
        return prefix + "CLIENT";
    }

    public String schemaVersion() {
        return prefix + "SCHEMA_VERSION";
    }

    public String idSequence() {
        return prefix + "ID_SEQ";
    }

    /** Index for the claim and browse paths: equality on destination and state, then delivery order. */
    public String claimIndex() {
        return prefix + "DELIVERY_CLAIM_IX";
    }

    /** Index for the maintenance scan of claimed rows by lease deadline. */
    public String leaseIndex() {
        return prefix + "DELIVERY_LEASE_IX";
    }

    /** Index for the expiry sweep. */
    public String expiryIndex() {
        return prefix + "DELIVERY_EXPIRY_IX";
    }

    /** Topic subscriptions (migration 2). */
    public String subscription() {
        return prefix + "SUBSCRIPTION";
    }

    /** One row per topic with subscriptions: bumped by every change of its subscription set. */
    public String topicVersion() {
        return prefix + "TOPIC_VERSION";
    }

    /** Consumers attached to subscriptions, owned by a client row. */
    public String consumer() {
        return prefix + "CONSUMER";
    }

    /** Client names (JMS client IDs) in use, owned by a client row. */
    public String clientName() {
        return prefix + "CLIENT_NAME";
    }

    /** Large message bodies stored once for several deliveries. */
    public String body() {
        return prefix + "BODY";
    }

    public String subscriptionTopicIndex() {
        return prefix + "SUBSCRIPTION_TOPIC_IX";
    }

    public String consumerAddressIndex() {
        return prefix + "CONSUMER_ADDRESS_IX";
    }

    public String deliveryBodyIndex() {
        return prefix + "DELIVERY_BODY_IX";
    }

    /**
     * The serialized message of a delivery row of {@link #delivery()}: its own data column, or the
     * shared body it references (migration 2). Used in place of the plain column by every read.
     */
    public String deliveryData() {
        return "CASE WHEN " + delivery() + ".body_id IS NULL THEN " + delivery() + ".data ELSE (SELECT b.data FROM "
                + body() + " b WHERE b.id = " + delivery() + ".body_id) END";
    }

    /**
     * The condition under which the row {@code outer} (an alias of {@link #delivery()}) is the next
     * of its message group for one consumer, with two parameters: that consumer's claimant id, then
     * the journal time now. A row without a group always passes. A grouped row passes only when
     * (1) no other consumer holds a row of its group (claimed, or acknowledged in a prepared XA
     * branch), so that the group has one consumer at a time and moves only once its holder
     * acknowledged or gave back every row of it; and (2) no earlier row of the group still waits
     * (ready or delayed, not expired), so that the group keeps its send order, also after a
     * redelivery. A claim statement judges every row against the same snapshot, so it takes at most
     * the first waiting row of each group; the holder takes the next one on its next claim. Any two
     * concurrent claims of a group's rows collide on the row with the lowest id: the loser sees it
     * waiting (earlier) or held (by the winner) and passes over the group.
     */
    public String groupTurn(String outer) {
        String same = " FROM " + delivery() + " g WHERE g.destination = " + outer + ".destination AND g.group_id = "
                + outer + ".group_id";
        return "(" + outer + ".group_id IS NULL OR (NOT EXISTS (SELECT 1" + same
                + " AND g.state IN (1, 3) AND (g.claimant IS NULL OR g.claimant <> ?))"
                + " AND NOT EXISTS (SELECT 1" + same + " AND g.state = 0 AND g.id < " + outer + ".id"
                + " AND (g.expires_at = 0 OR g.expires_at > ?))))";
    }

    // ------------------------------------------------------------------ temporary destinations

    /**
     * Temporary destinations with their owning client row (migration 5), so that the maintenance
     * of any live client can remove those of a dead one.
     */
    public String temporary() {
        return prefix + "TEMPORARY";
    }

    /** Index of grouped DELIVERY rows by destination and group (migration 7). */
    public String groupIndex() {
        return prefix + "DELIVERY_GROUP_IX";
    }

    // ------------------------------------------------------------------ XA (migration 3)

    /** Prepared and heuristically completed XA transaction branches. */
    public String xaBranch() {
        return prefix + "XA_BRANCH";
    }

    /** Unique constraint on a branch's XID. */
    public String xaBranchXidKey() {
        return prefix + "XA_BRANCH_XID_UK";
    }

    /** Index of DELIVERY rows by the prepared branch holding them. */
    public String deliveryXaIndex() {
        return prefix + "DELIVERY_XA_IX";
    }

    // ------------------------------------------------------------------ duplicate detection (migration 6)

    /** Duplicate ids of sends per destination, each kept until its window ends. */
    public String duplicateId() {
        return prefix + "DUPLICATE_ID";
    }

    /** Index for the maintenance sweep of ids whose window ended. */
    public String duplicateIdExpiryIndex() {
        return prefix + "DUPLICATE_ID_EXPIRY_IX";
    }

    /** Index of the ids recorded by a prepared XA branch, removed if it rolls back. */
    public String duplicateIdXaIndex() {
        return prefix + "DUPLICATE_ID_XA_IX";
    }

    // ------------------------------------------------------------------ traffic counts (migration 8)

    /** Cumulative sends and acks per (client, destination), and the retired clients' sums. */
    public String traffic() {
        return prefix + "TRAFFIC";
    }

    // ------------------------------------------------------------------ permissions (migration 9)

    /** Per-destination permissions: (principal, operation, pattern). */
    public String acl() {
        return prefix + "ACL";
    }

    // ------------------------------------------------------------------ row-level security (migration 10, PostgreSQL)

    /** allowed(operation, destination): whether the session user may do it by the ACL. */
    public String allowedFunction() {
        return prefix + "allowed";
    }

    /** may_manage_acl(): whether the session user may change the ACL. */
    public String mayManageAclFunction() {
        return prefix + "may_manage_acl";
    }

    /** body_referenced(id): whether any delivery row, visible or not, references the body. */
    public String bodyReferencedFunction() {
        return prefix + "body_referenced";
    }

    /** release_expired_leases(max_rows): the lease expiry of maintenance, across destinations. */
    public String releaseExpiredLeasesFunction() {
        return prefix + "release_expired_leases";
    }

    /** sweep_expired(max_rows): the expiry sweep of maintenance, across destinations. */
    public String sweepExpiredFunction() {
        return prefix + "sweep_expired";
    }

    /** drop_orphan_subscriptions(max_rows): non-durable subscriptions without consumers, across topics. */
    public String dropOrphanSubscriptionsFunction() {
        return prefix + "drop_orphan_subscriptions";
    }

    /** sweep_temporary_rows(): the rows of deleted temporary destinations, across destinations. */
    public String sweepTemporaryRowsFunction() {
        return prefix + "sweep_temporary_rows";
    }

    /** commit_prepared_sends(branch): a prepared XA branch's sends made ready, as their sender may. */
    public String commitPreparedSendsFunction() {
        return prefix + "commit_prepared_sends";
    }

    /** tag_published(branch, ids): a prepared XA publication's copies, inserted by this transaction. */
    public String tagPublishedFunction() {
        return prefix + "tag_published";
    }

    /** dead_letter(held row's claim token, copy): a held row moved to its dead-letter queue. */
    public String deadLetterFunction() {
        return prefix + "dead_letter";
    }

    /** stats(now, now): the figures per destination over every row. */
    public String statsFunction() {
        return prefix + "stats";
    }

    /** capped_stats(now, cap): the figures per destination, counted up to cap rows (migration 11). */
    public String cappedStatsFunction() {
        return prefix + "capped_stats";
    }
}
