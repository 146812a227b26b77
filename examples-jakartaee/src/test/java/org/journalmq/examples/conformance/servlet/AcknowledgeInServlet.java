package org.journalmq.examples.conformance.servlet;

import jakarta.jms.ConnectionFactory;
import org.journalmq.examples.conformance.Conformance;
import org.journalmq.examples.conformance.InServlet;
import org.journalmq.jms.it.TestJournal;
import org.journalmq.tck.AbstractAcknowledgeTest;

/** tck-subset's {@link AbstractAcknowledgeTest} in a servlet, on the adapter's connection factory. */
@InServlet
public class AcknowledgeInServlet extends AbstractAcknowledgeTest {

    @Override
    protected ConnectionFactory connectionFactory() {
        return Conformance.factory();
    }

    @Override
    protected TestJournal.Kind kind() {
        return Conformance.SE_PLACEHOLDER;
    }
}
