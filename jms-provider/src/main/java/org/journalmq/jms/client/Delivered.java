package org.journalmq.jms.client;

import org.journalmq.persistence.StoredMessage;

/**
 * A row handed to the application and not yet acknowledged or committed.
 * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction.
 */
public record Delivered(StoredMessage row, JournalConsumer consumer) {
}
