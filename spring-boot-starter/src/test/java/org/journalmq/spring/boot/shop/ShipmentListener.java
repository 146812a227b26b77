package org.journalmq.spring.boot.shop;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.stereotype.Component;

/**
 * Ships orders: each delivery writes a shipment row in the listener's transaction (the container's,
 * on the application's transaction manager). An item named {@code fail-once-…} fails its first
 * delivery after writing the row; one sent to {@code shop.poison} fails every time.
 */
@Component
public class ShipmentListener {
    /** Every delivery seen, in order: what the tests await. */
    public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    public record Delivery(String item, boolean redelivered) {
    }

    private final ShopOrders orders;

    public ShipmentListener(ShopOrders orders) {
        this.orders = orders;
    }

    @JmsListener(destination = "shop.orders")
    public void ship(TextMessage message) throws JMSException {
        String item = message.getText();
        boolean redelivered = message.getJMSRedelivered();
        orders.save(new ShopOrder("shipment", item));
        deliveries.add(new Delivery(item, redelivered));
        if (item.startsWith("fail-once-") && !redelivered) {
            throw new IllegalStateException("first delivery of " + item + " fails after writing its row");
        }
    }

    @JmsListener(destination = "shop.poison")
    public void poison(TextMessage message) throws JMSException {
        deliveries.add(new Delivery(message.getText(), message.getJMSRedelivered()));
        throw new IllegalStateException("poison message " + message.getText());
    }
}
