package org.journalmq.examples.conformance.ejb;

import jakarta.jms.ConnectionFactory;
import org.journalmq.examples.conformance.Conformance;
import org.journalmq.examples.conformance.InEjb;
import org.journalmq.jms.it.TestJournal;
import org.journalmq.tck.AbstractHeaderTest;

/** tck-subset's {@link AbstractHeaderTest} in a stateless EJB (container-managed transactions), on the adapter's connection factory. */
@InEjb
public class HeaderInEjb extends AbstractHeaderTest {

    @Override
    protected ConnectionFactory connectionFactory() {
        return Conformance.factory();
    }

    @Override
    protected TestJournal.Kind kind() {
        return Conformance.SE_PLACEHOLDER;
    }
}
