package org.journalmq.persistence;

import java.util.function.Predicate;

/**
 * What a consumer asks the journal for.
 *
 * @param destination the journal address
 * @param max         at most this many rows (at least 1)
 * @param filter      an in-JVM predicate (a message selector); only matching rows are claimed, and
 *                    rows it rejects stay ready for other consumers. Null: every row matches.
 */
public record ClaimRequest(String destination, int max, Predicate<StoredMessage> filter) {
    public ClaimRequest {
        if (destination == null) {
            throw new IllegalArgumentException("destination is null");
        }
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
    }

    public static ClaimRequest of(String destination, int max) {
        return new ClaimRequest(destination, max, null);
    }
}
