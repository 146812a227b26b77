package org.journalmq.persistence;

/**
 * Deletes a claimed row. The delivery count acts as the claim token: a row whose lease expired and
 * was claimed again has a higher count, so a late ack of the old claim matches nothing.
 *
 * @param destination the row's journal address when known (acks made by {@link StoredMessage#ack()}
 *                    carry it), or null; only used to count acks per destination and to announce
 *                    freed groups, never to match rows
 * @param groupId     the row's message group, or null: an ack that ends its consumer's hold on a
 *                    group while rows of the group wait makes the journal wake the other consumers
 *                    of the destination (the group's next row may be theirs now, and no send
 *                    announces it); needs {@code destination}
 */
public record Ack(long id, int deliveryCount, String destination, String groupId) {

    /** An ack of a row outside any message group, or not known to be in one. */
    public Ack(long id, int deliveryCount, String destination) {
        this(id, deliveryCount, destination, null);
    }

    /** An ack without a known destination: counted in no destination's figures. */
    public Ack(long id, int deliveryCount) {
        this(id, deliveryCount, null);
    }
}
