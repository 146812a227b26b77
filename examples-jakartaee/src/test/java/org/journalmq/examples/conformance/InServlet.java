package org.journalmq.examples.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The servlet vehicle: the test methods run in the thread of the servlet that Arquillian's Servlet 5.0
 * protocol calls ({@link VehicleSuite} starts them there); tests replaced by container rules are skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ReplacedInContainer.class)
public @interface InServlet {
}
