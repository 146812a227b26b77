package org.journalmq.examples.conformance;

import jakarta.jms.ConnectionFactory;
import java.io.File;
import java.net.URISyntaxException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.jms.it.JmsTestBase;
import org.journalmq.jms.it.TestJournal;
import org.journalmq.persistence.TestDatabases;
import org.journalmq.tck.ConformanceBase;

/**
 * What the in-container conformance classes (issue 14) share: the journals, their adapter
 * deployments and connection factories, and the test WAR that carries tck-subset's test code.
 */
public final class Conformance {

    /** A journal of the in-container suite: an adapter deployment name (its resource-adapter-config is in the pom). */
    public enum Journal {
        POSTGRESQL("journalmq-tck-pg", PgFactory.class, PgFactory.NAME),
        HSQLDB("journalmq-tck-hsql", HsqlFactory.class, HsqlFactory.NAME);

        final String adapter;
        final Class<?> definitions;
        final String jndiName;

        Journal(String adapter, Class<?> definitions, String jndiName) {
            this.adapter = adapter;
            this.definitions = definitions;
            this.jndiName = jndiName;
        }
    }

    /**
     * What the container classes return from kind(): jms-provider's JmsTestBase builds a Java SE
     * journal before every test whatever the subclass; an HSQLDB one is only an object until a
     * connection is asked of it, and in the container none is (every connection comes from
     * ConformanceBase.connectionFactory(), the adapter's).
     */
    public static final TestJournal.Kind SE_PLACEHOLDER = TestJournal.Kind.HSQLDB;

    private Conformance() {
    }

    /** The reactor's .rar under the journal's adapter name. */
    public static ResourceAdapterArchive rar(Journal journal) {
        File built = new File(System.getProperty("journalmq.rar", "target/it/journalmq-ra.rar"));
        return ShrinkWrap.create(ResourceAdapterArchive.class, journal.adapter + ".rar")
                .merge(ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, built));
    }

    /**
     * The WAR for one area class: the class and this package, the journal's connection factory
     * definition, and tck-subset's test code with the test-jars it builds on. Arquillian's servlet
     * protocol runs each test method in this WAR.
     */
    public static WebArchive app(Journal journal, Class<?> test) {
        return ShrinkWrap.create(WebArchive.class, test.getName().replace(".", "-") + ".war")
                .addClasses(test, Conformance.class, Journal.class, journal.definitions, VehicleBean.class,
                        VehicleBean.Step.class, EjbVehicle.class, InServlet.class, InEjb.class,
                        ReplacedInContainer.class, ContainerRuleTests.class)
                .addAsLibraries(library(ConformanceBase.class), library(JmsTestBase.class),
                        library(TestDatabases.class));
    }

    /** The adapter's factory for the journal, as the application sees it. */
    public static ConnectionFactory factory(Journal journal) {
        try {
            return InitialContext.doLookup(journal.jndiName);
        } catch (NamingException e) {
            throw new IllegalStateException("no connection factory at " + journal.jndiName, e);
        }
    }

    /**
     * The jar (or, inside the reactor before packaging, the folder) a class came from, without
     * tck-subset's jndi.properties: in the WAR it would replace GlassFish's naming for the application.
     */
    private static JavaArchive library(Class<?> type) {
        File from;
        try {
            from = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        JavaArchive jar = ShrinkWrap.create(JavaArchive.class, from.getName().replace(".jar", "") + ".jar");
        JavaArchive all = from.isDirectory()
                ? jar.as(ExplodedImporter.class).importDirectory(from).as(JavaArchive.class)
                : jar.as(ZipImporter.class).importFrom(from).as(JavaArchive.class);
        return ShrinkWrap.create(JavaArchive.class, all.getName())
                .merge(all, Filters.exclude("/jndi\\.properties"));
    }
}
