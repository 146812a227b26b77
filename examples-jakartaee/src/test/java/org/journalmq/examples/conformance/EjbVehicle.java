package org.journalmq.examples.conformance;

import java.lang.reflect.Method;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs each test method inside {@link VehicleBean}, in the server. The test's @BeforeEach/@AfterEach
 * stay in the servlet's thread: they only set up and close objects.
 */
public class EjbVehicle implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        Throwable failure = bean().runWithoutTransaction(invocation::proceed);
        if (failure != null) {
            throw failure;
        }
    }

    private static VehicleBean bean() throws NamingException {
        return InitialContext.doLookup("java:module/" + VehicleBean.class.getSimpleName());
    }
}
