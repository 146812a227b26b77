package org.journalmq.examples.crash;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The outbound path: one container transaction (CMT, REQUIRED) persists a row in PostgreSQL and
 * sends a message through the adapter's connector pool (XATransaction), then enlists the halt hook
 * last. The pool and its resource are global (asadmin), so that GlassFish's recovery finds the pool
 * and asks its ManagedConnection for an XAResource after a restart.
 */
@Stateless
public class CrashOrders {

    @PersistenceContext(unitName = "crash")
    private EntityManager em;

    @Resource(lookup = "jms/crash14cf")
    private ConnectionFactory factory;

    public void place(String id, String queue) {
        em.persist(new CrashOrder(id, 0));
        em.flush(); // the PostgreSQL branch has work before the JournalMQ branch is enlisted
        try (JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createQueue(queue), id);
        }
        HaltOnPrepare.enlist();
    }
}
