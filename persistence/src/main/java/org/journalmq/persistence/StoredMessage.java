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
 * @param origin        the address the expiry sweep moved this row from, or null when it was never
 *                      moved (migration 4)
 * @param expiredAt     journal-clock time at which the row expired before it was moved, 0 if never
 */
public record StoredMessage(long id, String destination, int priority, long deliverAt, long expiresAt,
                            int deliveryCount, long createdAt, String groupId, byte[] data, String origin,
                            long expiredAt) {

    /** A row that was never moved by the expiry sweep. */
    public StoredMessage(long id, String destination, int priority, long deliverAt, long expiresAt,
                         int deliveryCount, long createdAt, String groupId, byte[] data) {
        this(id, destination, priority, deliverAt, expiresAt, deliveryCount, createdAt, groupId, data, null, 0);
    }

    /** True when the expiry sweep moved this row here from {@link #origin()}. */
    public boolean movedOnExpiry() {
        return origin != null;
    }

    /** The ack that deletes this claimed row, valid while this claim holds. */
    public Ack ack() {
        return new Ack(id, deliveryCount, destination, groupId);
    }
}
