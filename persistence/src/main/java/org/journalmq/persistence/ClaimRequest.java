package org.journalmq.persistence;

import java.util.function.Predicate;

/**
 * What a consumer asks the journal for.
 *
 * @param destination the journal address
 * @param max         at most this many rows (at least 1)
 * @param filter      an in-JVM predicate (a message selector); only matching rows are claimed, and
 *                    rows it rejects stay ready for other consumers. Null: every row matches.
 * @param resumeAfter for a filtered claim, where the previous scan of this consumer stopped (rows
 *                    up to it were rejected by the filter); null to scan from the start
 * @param minPriority lowest priority that can match (0 for all): pushed into the SQL
 * @param maxPriority highest priority that can match (9 for all): pushed into the SQL
 */
public record ClaimRequest(String destination, int max, Predicate<StoredMessage> filter, BrowsePosition resumeAfter,
                           int minPriority, int maxPriority) {
    public ClaimRequest {
        if (destination == null) {
            throw new IllegalArgumentException("destination is null");
        }
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        if (minPriority < 0 || maxPriority > 9 || minPriority > maxPriority) {
            throw new IllegalArgumentException("priority range must lie within 0..9, was " + minPriority + ".."
                    + maxPriority);
        }
    }

    /** A claim of every priority, scanning from the start. */
    public ClaimRequest(String destination, int max, Predicate<StoredMessage> filter) {
        this(destination, max, filter, null, 0, 9);
    }

    public static ClaimRequest of(String destination, int max) {
        return new ClaimRequest(destination, max, null);
    }
}
