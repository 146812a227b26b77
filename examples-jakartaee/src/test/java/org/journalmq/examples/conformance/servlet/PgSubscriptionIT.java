package org.journalmq.examples.conformance.servlet;

import jakarta.jms.ConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.examples.conformance.Conformance;
import org.journalmq.examples.conformance.InServlet;
import org.journalmq.jms.it.TestJournal;
import org.journalmq.tck.AbstractSubscriptionTest;

/** tck-subset's {@link AbstractSubscriptionTest} in a servlet, through the resource adapter, on PostgreSQL. */
@InServlet
class PgSubscriptionIT extends AbstractSubscriptionTest {

    private static final Conformance.Journal JOURNAL = Conformance.Journal.POSTGRESQL;

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Conformance.rar(JOURNAL);
    }

    /** Unnamed: the default deployment, which the inherited test methods run in. */
    @Deployment(order = 2)
    static WebArchive app() {
        return Conformance.app(JOURNAL, PgSubscriptionIT.class);
    }

    @Override
    protected ConnectionFactory connectionFactory() {
        return Conformance.factory(JOURNAL);
    }

    @Override
    protected TestJournal.Kind kind() {
        return Conformance.SE_PLACEHOLDER;
    }
}
