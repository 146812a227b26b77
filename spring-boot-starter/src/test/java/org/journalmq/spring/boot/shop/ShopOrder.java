package org.journalmq.spring.boot.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the test's own table: an order placed, or (kind "shipment") a shipment made by the listener. */
@Entity
@Table(name = "SHOP_RECORD")
public class ShopOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String kind;
    private String item;

    protected ShopOrder() {
    }

    public ShopOrder(String kind, String item) {
        this.kind = kind;
        this.item = item;
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getItem() {
        return item;
    }
}
