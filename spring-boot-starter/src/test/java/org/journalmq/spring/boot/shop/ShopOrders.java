package org.journalmq.spring.boot.shop;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ShopOrders extends JpaRepository<ShopOrder, Long> {
    long countByKindAndItem(String kind, String item);
}
