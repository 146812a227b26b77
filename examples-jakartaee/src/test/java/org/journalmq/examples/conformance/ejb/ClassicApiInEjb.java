package org.journalmq.examples.conformance.ejb;

import jakarta.jms.ConnectionFactory;
import org.journalmq.examples.conformance.Conformance;
import org.journalmq.examples.conformance.InEjb;
import org.journalmq.jms.it.TestJournal;
import org.journalmq.tck.AbstractClassicApiTest;

/** tck-subset's {@link AbstractClassicApiTest} in a stateless EJB (container-managed transactions), on the adapter's connection factory. */
@InEjb
public class ClassicApiInEjb extends AbstractClassicApiTest {

    @Override
    protected ConnectionFactory connectionFactory() {
        return Conformance.factory();
    }

    @Override
    protected TestJournal.Kind kind() {
        return Conformance.SE_PLACEHOLDER;
    }
}
