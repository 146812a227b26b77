package org.journalmq.persistence;

/**
 * Gives a claimed row back to its destination.
 *
 * @param id            the row
 * @param deliveryCount the count returned by the claim (claim token)
 * @param delayMillis   how long before it may be delivered again (redelivery delay), 0 for at once
 * @param delivered     false when the application never saw the message (prefetched only): the
 *                      claim's delivery count increment is taken back
 */
public record Release(long id, int deliveryCount, long delayMillis, boolean delivered) {
}
