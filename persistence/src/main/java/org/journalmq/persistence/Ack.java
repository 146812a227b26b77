package org.journalmq.persistence;

/**
 * Deletes a claimed row. The delivery count acts as the claim token: a row whose lease expired and
 * was claimed again has a higher count, so a late ack of the old claim matches nothing.
 */
public record Ack(long id, int deliveryCount) {
}
