package org.journalmq.examples;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A business row of the application's own database. */
@Entity
public class PurchaseOrder {
    @Id
    @GeneratedValue
    private Long id;
    private String item;

    protected PurchaseOrder() {
    }

    public PurchaseOrder(String item) {
        this.item = item;
    }

    public Long getId() {
        return id;
    }

    public String getItem() {
        return item;
    }
}
