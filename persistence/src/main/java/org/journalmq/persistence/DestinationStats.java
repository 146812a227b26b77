package org.journalmq.persistence;

/**
 * Figures about one destination.
 *
 * @param destination the journal address
 * @param ready       rows deliverable now
 * @param inFlight    rows claimed by a consumer (and rows of prepared XA branches)
 * @param scheduled   rows whose deliver-at lies in the future
 * @param oldestAgeMillis age of the oldest row (journal clock), 0 when empty
 * @param waitingEstimated {@code ready}, {@code scheduled} and {@code oldestAgeMillis} are estimates:
 *                    the destination held more waiting rows than the overview's exact limit
 *                    ({@link Journal#overview(long)})
 * @param inFlightEstimated {@code inFlight} is an estimate (more in-flight rows than that limit)
 */
public record DestinationStats(String destination, long ready, long inFlight, long scheduled,
                               long oldestAgeMillis, boolean waitingEstimated, boolean inFlightEstimated) {

    /** Exact figures, counted over every row. */
    public DestinationStats(String destination, long ready, long inFlight, long scheduled, long oldestAgeMillis) {
        this(destination, ready, inFlight, scheduled, oldestAgeMillis, false, false);
    }

    public long depth() {
        return ready + inFlight + scheduled;
    }

    /** Some figure is an estimate, so the depth is one too. */
    public boolean estimated() {
        return waitingEstimated || inFlightEstimated;
    }
}
