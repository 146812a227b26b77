package org.journalmq.persistence;

/**
 * A message to append to a destination.
 *
 * @param destination the journal address (queue or subscription), validated by the journal
 * @param priority    0..9, higher first
 * @param deliverAt   journal-clock time before which it must not be delivered; 0 for at once
 * @param expiresAt   journal-clock time after which it must never be delivered; 0 for never
 * @param groupId     message group, or null
 * @param data        serialized headers, properties and body (opaque to the journal)
 * @param expiryAddress where the expiry sweep moves the row once it expired (the journal address of
 *                      an expiry queue), or null to delete it. Decided by the sender and stored
 *                      with the row, so that every JVM's sweep treats the row alike (migration 4).
 * @param duplicateId   the application's duplicate id (the JMS_JournalMQ_DuplicateID property), or null.
 *                      The journal stores the message only if no message with this id was stored on the
 *                      same destination within the duplicate window; otherwise the send succeeds and
 *                      stores nothing (migration 6).
 */
public record NewMessage(String destination, int priority, long deliverAt, long expiresAt,
                         String groupId, byte[] data, String expiryAddress, String duplicateId) {
    public NewMessage {
        if (destination == null) {
            throw new IllegalArgumentException("destination is null");
        }
        if (priority < 0 || priority > 9) {
            throw new IllegalArgumentException("priority must be 0..9, was " + priority);
        }
        if (data == null) {
            throw new IllegalArgumentException("data is null");
        }
    }

    /** A message without a duplicate id. */
    public NewMessage(String destination, int priority, long deliverAt, long expiresAt, String groupId, byte[] data,
                      String expiryAddress) {
        this(destination, priority, deliverAt, expiresAt, groupId, data, expiryAddress, null);
    }

    /** A message that is deleted when it expires. */
    public NewMessage(String destination, int priority, long deliverAt, long expiresAt, String groupId, byte[] data) {
        this(destination, priority, deliverAt, expiresAt, groupId, data, null, null);
    }
}
