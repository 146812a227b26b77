package org.journalmq.examples.crash;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The business row of the crash tests, in the PostgreSQL database {@code gf14crash}. Its id is the
 * test's own (a UUID) rather than a generated one, so that the test finds the row of its run and no
 * sequence table takes part in the transaction that is interrupted.
 */
@Entity
@Table(name = "CRASH14_ORDER")
public class CrashOrder {
    @Id
    private String id;
    /** JMSXDeliveryCount of the message that created the row (inbound path), 0 for the outbound path. */
    private int deliveryCount;

    protected CrashOrder() {
    }

    public CrashOrder(String id, int deliveryCount) {
        this.id = id;
        this.deliveryCount = deliveryCount;
    }

    public String getId() {
        return id;
    }

    public int getDeliveryCount() {
        return deliveryCount;
    }
}
