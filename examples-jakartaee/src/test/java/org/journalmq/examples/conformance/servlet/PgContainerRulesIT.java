package org.journalmq.examples.conformance.servlet;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.examples.conformance.Conformance;
import org.journalmq.examples.conformance.ContainerRuleTests;
import org.journalmq.examples.conformance.InServlet;

/** The container rule tests that replace the suite's inapplicable tests, in a servlet, on PostgreSQL. */
@InServlet
class PgContainerRulesIT extends ContainerRuleTests {

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Conformance.rar(Conformance.Journal.POSTGRESQL);
    }

    @Deployment(order = 2)
    static WebArchive app() {
        return Conformance.app(Conformance.Journal.POSTGRESQL, PgContainerRulesIT.class);
    }
}
