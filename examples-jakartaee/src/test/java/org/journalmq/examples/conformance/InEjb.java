package org.journalmq.examples.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EJB vehicle: as {@link InServlet}, and inside the server each test method runs as a business
 * method of {@link VehicleBean}. Arquillian's extension comes first so that it is the outer
 * interceptor: on the client side it hands the test to the server before {@link EjbVehicle} is reached.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ReplacedInContainer.class)
@ExtendWith(ArquillianExtension.class)
@ExtendWith(EjbVehicle.class)
public @interface InEjb {
}
