package org.journalmq.examples.conformance;

import jakarta.jms.ConnectionFactory;
import java.io.File;
import java.net.URISyntaxException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.it.JmsTestBase;
import org.journalmq.jms.it.TestJournal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.journalmq.tck.ConformanceBase;

/**
 * What the in-container conformance suite (issue 14) shares: the journals, their adapter
 * deployments and connection factory, and the test WAR that carries tck-subset's test code.
 */
public final class Conformance {

    /** The suite's connection factory; each test WAR defines it on its own journal's adapter. */
    public static final String FACTORY = "java:app/jms/tck";

    /** A journal of the suite: an adapter deployment name (its resource-adapter-config is in the module pom). */
    public enum Journal {
        POSTGRESQL("journalmq-tck-pg"),
        HSQLDB("journalmq-tck-hsql");

        final String adapter;

        Journal(String adapter) {
            this.adapter = adapter;
        }

        /** The class holding the journal's factory definition. */
        Class<?> definitions() {
            return this == POSTGRESQL ? PgFactory.class : HsqlFactory.class;
        }
    }

    /**
     * What the vehicle classes return from kind(): jms-provider's JmsTestBase builds a Java SE
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
     * The test WAR of one journal: this package with both vehicles' classes and this journal's factory
     * definition (the other journal's names an adapter that is not deployed), and tck-subset's test code
     * with the test-jars it builds on. The provider's jars are there too because GlassFish does not show
     * a standalone adapter's classes to applications, and JmsTestBase (which ConformanceBase extends)
     * declares a JournalConnectionFactory field; the tests never use that copy: their connections come
     * from the adapter.
     */
    public static WebArchive app(Journal journal, Class<?> test) {
        Journal other = journal == Journal.POSTGRESQL ? Journal.HSQLDB : Journal.POSTGRESQL;
        return ShrinkWrap.create(WebArchive.class, test.getSimpleName() + ".war")
                .addPackages(true, Filters.exclude(other.definitions()), Conformance.class.getPackage())
                .addAsLibraries(library(ConformanceBase.class), library(JmsTestBase.class),
                        library(TestDatabases.class), library(JournalConnectionFactory.class),
                        library(JournalConfig.class));
    }

    /** The adapter's factory, as the application sees it. */
    public static ConnectionFactory factory() {
        try {
            return InitialContext.doLookup(FACTORY);
        } catch (NamingException e) {
            throw new IllegalStateException("no connection factory at " + FACTORY, e);
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
