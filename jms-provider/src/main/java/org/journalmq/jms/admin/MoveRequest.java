package org.journalmq.jms.admin;

import java.util.function.LongConsumer;

/**
 * What {@link JournalAdmin#move} moves.
 *
 * @param fromQueue  the queue to take messages from
 * @param toQueue    the queue to put them on; null replays each message to its original destination
 *                   (the dead-letter properties say which, see {@link org.journalmq.jms.DeadLetters})
 * @param selector   a JMS message selector choosing the messages, or null for all
 * @param limit      at most this many messages; 0 or less for all
 * @param replay     strip the dead-letter properties from the copies (a replay); false keeps every property
 * @param batchSize  messages per atomic batch (at least 1)
 * @param progress   told the running total after each committed batch; may be null
 */
public record MoveRequest(String fromQueue, String toQueue, String selector, long limit, boolean replay,
                          int batchSize, LongConsumer progress) {
    public static final int DEFAULT_BATCH = 100;

    public MoveRequest {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
    }

    /** A move of every message matching the selector to another queue, properties kept. */
    public static MoveRequest move(String fromQueue, String toQueue, String selector, long limit) {
        return new MoveRequest(fromQueue, toQueue, selector, limit, false, DEFAULT_BATCH, null);
    }

    /** A replay from a dead-letter queue, to {@code toQueue} or (null) the original destinations. */
    public static MoveRequest replay(String deadLetterQueue, String toQueue, String selector, long limit) {
        return new MoveRequest(deadLetterQueue, toQueue, selector, limit, true, DEFAULT_BATCH, null);
    }

    public MoveRequest withProgress(LongConsumer listener) {
        return new MoveRequest(fromQueue, toQueue, selector, limit, replay, batchSize, listener);
    }

    public MoveRequest withBatchSize(int size) {
        return new MoveRequest(fromQueue, toQueue, selector, limit, replay, size, progress);
    }
}
