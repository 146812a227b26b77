package org.journalmq.persistence;

/**
 * A row of the journal as read by a claim or a browse.
 *
 * @param id            row id, unique in the journal
 * @param destination   the journal address it waits on
 * @param priority      0..9
 * @param deliverAt     journal-clock time it became or becomes deliverable (0: at once)
 * @param expiresAt     journal-clock expiry, 0 for never
 * @param deliveryCount persisted delivery count; for a claimed row it includes this claim
 * @param createdAt     journal-clock time of the append
 * @param groupId       message group or null
 * @param data          the serialized message
 */
public record StoredMessage(long id, String destination, int priority, long deliverAt, long expiresAt,
                            int deliveryCount, long createdAt, String groupId, byte[] data) {

    /** The ack that deletes this claimed row, valid while this claim holds. */
    public Ack ack() {
        return new Ack(id, deliveryCount, destination);
    }
}
