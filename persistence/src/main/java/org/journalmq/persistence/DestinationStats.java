package org.journalmq.persistence;

/**
 * Figures about one destination.
 *
 * @param destination the journal address
 * @param ready       rows deliverable now
 * @param inFlight    rows claimed by a consumer
 * @param scheduled   rows whose deliver-at lies in the future
 * @param oldestAgeMillis age of the oldest row (journal clock), 0 when empty
 */
public record DestinationStats(String destination, long ready, long inFlight, long scheduled,
                               long oldestAgeMillis) {
    public long depth() {
        return ready + inFlight + scheduled;
    }
}
