package org.journalmq.examples.conformance;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The conformance suite in a servlet, through the adapter, on an HSQLDB file journal. */
@ExtendWith(ArquillianExtension.class)
class HsqldbServletIT extends VehicleSuite {

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Conformance.rar(Conformance.Journal.HSQLDB);
    }

    /** Unnamed: the default deployment, which the inherited test methods run in. */
    @Deployment(order = 2)
    static WebArchive app() {
        return Conformance.app(Conformance.Journal.HSQLDB, HsqldbServletIT.class);
    }

    @Override
    protected String vehicle() {
        return "servlet";
    }
}
