package org.journalmq.examples.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EJB vehicle: as {@link InServlet}, except that each test method runs as a business method of
 * {@link VehicleBean} ({@link EjbVehicle} wraps the invocation).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ReplacedInContainer.class)
@ExtendWith(EjbVehicle.class)
public @interface InEjb {
}
