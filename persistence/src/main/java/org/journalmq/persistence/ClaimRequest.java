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
 * @param claimant    the consumer that claims, as far as message groups go: the rows of a group go
 *                    to one claimant at a time, in send order (see README, message groups). Null:
 *                    this journal's client as a whole is the claimant.
 */
public record ClaimRequest(String destination, int max, Predicate<StoredMessage> filter, BrowsePosition resumeAfter,
                           int minPriority, int maxPriority, String claimant) {
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

    /** A claim by this journal's client as a whole. */
    public ClaimRequest(String destination, int max, Predicate<StoredMessage> filter, BrowsePosition resumeAfter,
                        int minPriority, int maxPriority) {
        this(destination, max, filter, resumeAfter, minPriority, maxPriority, null);
    }

    /** The same request made by {@code claimant}. */
    public ClaimRequest by(String claimant) {
        return new ClaimRequest(destination, max, filter, resumeAfter, minPriority, maxPriority, claimant);
    }

    /** A claim of every priority, scanning from the start. */
    public ClaimRequest(String destination, int max, Predicate<StoredMessage> filter) {
        this(destination, max, filter, null, 0, 9);
    }

    public static ClaimRequest of(String destination, int max) {
        return new ClaimRequest(destination, max, null);
    }
}
