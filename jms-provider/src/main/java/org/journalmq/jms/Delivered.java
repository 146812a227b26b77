package org.journalmq.jms;

import org.journalmq.persistence.StoredMessage;

/** A row handed to the application and not yet acknowledged or committed. */
record Delivered(StoredMessage row, JournalConsumer consumer) {
}
