package org.journalmq.persistence;

import java.util.List;

/**
 * The outcome of a filtered claim.
 *
 * @param claimed     the rows won, in delivery order
 * @param resumeAfter where the scan stopped before reaching the end of the ready rows: pass it as
 *                    {@link ClaimRequest#resumeAfter()} next time so that a deep backlog of
 *                    non-matching rows is not scanned again from the start; null when the scan
 *                    reached the end (the next scan starts again from the beginning, which also
 *                    finds rows committed behind the position meanwhile: ids can commit out of order)
 */
public record ClaimResult(List<StoredMessage> claimed, BrowsePosition resumeAfter) {
    public ClaimResult {
        claimed = List.copyOf(claimed);
    }
}
