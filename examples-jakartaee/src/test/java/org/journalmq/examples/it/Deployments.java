package org.journalmq.examples.it;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.examples.Inbox;

/** The archives the tests deploy: the .rar built by the reactor and the example application. */
final class Deployments {

    private Deployments() {
    }

    /** The resource adapter under the name the application's resources and MDBs refer to. */
    static ResourceAdapterArchive rar(String name) {
        File built = new File(System.getProperty("journalmq.rar", "target/it/journalmq-ra.rar"));
        ResourceAdapterArchive imported = ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, built);
        return ShrinkWrap.create(ResourceAdapterArchive.class, name + ".rar").merge(imported);
    }

    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "examples.war")
                .addPackage(Inbox.class.getPackage())
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/glassfish-ejb-jar.xml"), "glassfish-ejb-jar.xml")
                .addAsLibraries(jarOf(org.hsqldb.jdbc.JDBCDriver.class))
                .addClass(Await.class);
    }

    static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
