package org.journalmq.examples;

import jakarta.ejb.ApplicationException;

/** A business failure that rolls the transaction back (and reaches the caller unwrapped). */
@ApplicationException(rollback = true)
public class OrderRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OrderRejected(String message) {
        super(message);
    }
}
