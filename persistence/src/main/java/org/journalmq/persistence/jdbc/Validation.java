package org.journalmq.persistence.jdbc;

import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.UnitOfWork;

/** Checks caller values against the column sizes before they reach SQL. */
final class Validation {
    static final int MAX_DESTINATION = 400;
    static final int MAX_GROUP_ID = 255;
    static final int MAX_DUPLICATE_ID = 255;

    private Validation() {
    }

    static String destination(String destination) {
        if (destination == null || destination.isEmpty()) {
            throw new JournalException(JournalException.Kind.INVALID_ARGUMENT, "destination is null or empty");
        }
        if (destination.length() > MAX_DESTINATION) {
            throw new JournalException(JournalException.Kind.INVALID_ARGUMENT, "destination is "
                    + destination.length() + " characters long, at most " + MAX_DESTINATION + " are allowed");
        }
        return destination;
    }

    static void unit(UnitOfWork work) {
        for (NewMessage m : work.sends()) {
            message(m);
        }
        for (var p : work.publications()) {
            message(p.message());
        }
    }

    private static void message(NewMessage m) {
        destination(m.destination());
        if (m.expiryAddress() != null) {
            destination(m.expiryAddress());
        }
        if (m.groupId() != null && m.groupId().length() > MAX_GROUP_ID) {
            throw new JournalException(JournalException.Kind.INVALID_ARGUMENT, "group id is "
                    + m.groupId().length() + " characters long, at most " + MAX_GROUP_ID + " are allowed");
        }
        if (m.duplicateId() != null && (m.duplicateId().isEmpty() || m.duplicateId().length() > MAX_DUPLICATE_ID)) {
            throw new JournalException(JournalException.Kind.INVALID_ARGUMENT, "duplicate id is "
                    + m.duplicateId().length() + " characters long, 1 to " + MAX_DUPLICATE_ID + " are allowed");
        }
    }

    static String consumerId(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            throw new JournalException(JournalException.Kind.INVALID_ARGUMENT, "consumer id must be 1-100 characters");
        }
        return id;
    }

    static int positive(int max, String what) {
        if (max < 1) {
            throw new JournalException(JournalException.Kind.INVALID_ARGUMENT, what + " must be at least 1, was " + max);
        }
        return max;
    }
}
