package org.journalmq.examples;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * One container transaction: a JPA entity in the application's database and a message to
 * {@code shipments}. Both commit together, or, when the order is rejected after both were written,
 * neither is kept.
 */
@Stateless
public class OrderService {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    @JMSConnectionFactory("java:app/jms/cf")
    private JMSContext context;

    public long place(String item, boolean reject) {
        PurchaseOrder order = new PurchaseOrder(item);
        em.persist(order);
        em.flush(); // the row is written in the transaction before the message is sent
        context.createProducer().send(context.createQueue("shipments"), item);
        if (reject) {
            throw new OrderRejected("order for " + item + " rejected after the row and the message were written");
        }
        return order.getId();
    }

    public long count(String item) {
        return em.createQuery("select count(o) from PurchaseOrder o where o.item = :item", Long.class)
                .setParameter("item", item).getSingleResult();
    }
}
