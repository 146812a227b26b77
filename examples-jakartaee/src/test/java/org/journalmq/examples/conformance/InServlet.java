package org.journalmq.examples.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The servlet vehicle: Arquillian's Servlet 5.0 protocol runs each test method in the test WAR's servlet. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ReplacedInContainer.class)
@ExtendWith(ArquillianExtension.class)
public @interface InServlet {
}
