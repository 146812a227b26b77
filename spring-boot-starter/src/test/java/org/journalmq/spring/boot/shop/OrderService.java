package org.journalmq.spring.boot.shop;

import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves an order and sends its message in one {@code @Transactional} method. */
@Service
public class OrderService {
    private final ShopOrders orders;
    private final JmsTemplate jms;

    public OrderService(ShopOrders orders, JmsTemplate jms) {
        this.orders = orders;
        this.jms = jms;
    }

    /** Throws after both the save and the send when {@code fail} is set: neither may survive. */
    @Transactional
    public void placeOrder(String item, String queue, boolean fail) {
        orders.save(new ShopOrder("order", item));
        jms.convertAndSend(queue, item);
        if (fail) {
            throw new IllegalStateException("order " + item + " refused after it was saved and sent");
        }
    }
}
