package org.journalmq.examples.conformance;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * The EJB vehicle: a stateless session bean with container-managed transactions that runs one test
 * method of the conformance suite as its business method (like the Jakarta EE TCK's ejb vehicle, whose
 * tests run inside a session bean's method). Local no-interface calls pass the step by reference.
 *
 * <p>A failure is returned rather than thrown: an AssertionError thrown by a business method is a
 * system exception to the container (EJB 4.0 sec. 9.3.1), which would wrap it and discard the bean.
 */
@Stateless
public class VehicleBean {

    /** One test method, as JUnit's invocation hands it over. */
    @FunctionalInterface
    public interface Step {
        void run() throws Throwable;
    }

    /** Set while a step runs in the bean: lets a test check that the vehicle really carries it. */
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    @Resource
    private SessionContext context;

    /** Whether the calling thread is inside a step run by this bean. */
    public static boolean inside() {
        return INSIDE.get();
    }

    /**
     * NOT_SUPPORTED (container-managed, no transaction): the suite's tests send and then receive in one
     * method, which a JTA transaction would keep from being visible before the method ends.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Throwable runWithoutTransaction(Step step) {
        return run(step);
    }

    /** REQUIRED: the container's transaction around the step; a failed step rolls it back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Throwable runInTransaction(Step step) {
        Throwable failure = run(step);
        if (failure != null) {
            context.setRollbackOnly();
        }
        return failure;
    }

    private static Throwable run(Step step) {
        boolean outer = INSIDE.get();
        INSIDE.set(true);
        try {
            step.run();
            return null;
        } catch (Throwable t) {
            return t;
        } finally {
            INSIDE.set(outer);
        }
    }
}
