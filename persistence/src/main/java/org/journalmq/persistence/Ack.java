package org.journalmq.persistence;

/**
 * Deletes a claimed row. The delivery count acts as the claim token: a row whose lease expired and
 * was claimed again has a higher count, so a late ack of the old claim matches nothing.
 *
 * @param destination the row's journal address when known (acks made by {@link StoredMessage#ack()}
 *                    carry it), or null; only used to count acks per destination and to announce
 *                    freed groups, never to match rows
 * @param grouped     true when the row belongs to a message group: its ack may end its consumer's
 *                    hold on the group, so the journal wakes the other consumers of the destination
 *                    (the group's next row may be theirs now, and no send announces it)
 */
public record Ack(long id, int deliveryCount, String destination, boolean grouped) {

    /** An ack of a row outside any message group, or not known to be in one. */
    public Ack(long id, int deliveryCount, String destination) {
        this(id, deliveryCount, destination, false);
    }

    /** An ack without a known destination: counted in no destination's figures. */
    public Ack(long id, int deliveryCount) {
        this(id, deliveryCount, null);
    }
}
