package org.journalmq.persistence;

/**
 * Deletes a claimed row. The delivery count acts as the claim token: a row whose lease expired and
 * was claimed again has a higher count, so a late ack of the old claim matches nothing.
 *
 * @param destination the row's journal address when known (acks made by {@link StoredMessage#ack()}
 *                    carry it), or null; only used to count acks per destination, never to match rows
 */
public record Ack(long id, int deliveryCount, String destination) {

    /** An ack without a known destination: counted in no destination's figures. */
    public Ack(long id, int deliveryCount) {
        this(id, deliveryCount, null);
    }
}
