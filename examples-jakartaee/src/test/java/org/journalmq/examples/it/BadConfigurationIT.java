package org.journalmq.examples.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.examples.bad.BadSelectorMdb;
import org.journalmq.examples.bad.BadTypeMdb;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad configuration fails the deployment in GlassFish with a message naming the property: an MDB with
 * an unknown destination type or an invalid selector (ActivationSpec.validate, JCA 2.1 sec. 13.4.2.2).
 * (A resource adapter without url or dataSourceJndiName is no longer bad configuration: it starts on an
 * embedded journal, UnconfiguredAdapterIT; both set is refused, DataSourceConfigTest.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadConfigurationIT {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.rar("journalmq-ra");
    }

    @Deployment(name = "bad-type", managed = false, testable = false)
    static WebArchive badType() {
        return mdbApp("bad-type", BadTypeMdb.class);
    }

    @Deployment(name = "bad-selector", managed = false, testable = false)
    static WebArchive badSelector() {
        return mdbApp("bad-selector", BadSelectorMdb.class);
    }

    private static WebArchive mdbApp(String name, Class<?> mdb) {
        String binding = "<glassfish-ejb-jar><enterprise-beans><ejb><ejb-name>" + mdb.getSimpleName() + "</ejb-name>"
                + "<mdb-resource-adapter><resource-adapter-mid>journalmq-ra</resource-adapter-mid>"
                + "</mdb-resource-adapter></ejb></enterprise-beans></glassfish-ejb-jar>";
        return ShrinkWrap.create(WebArchive.class, name + ".war").addClass(mdb)
                .addAsWebInfResource(new StringAsset(binding), "glassfish-ejb-jar.xml");
    }

    /**
     * The deployment fails, and the failure names the property: in the deploy command's answer where
     * GlassFish passes it on (a resource adapter's start), else in the server log, where GlassFish
     * writes the endpoint activation's exception (its deploy answer only says "EJB Container
     * initialization error"). The build starts each run with an empty server log, and each bad
     * deployment here names a different property, so a match belongs to this deployment.
     */
    private void assertDeploymentFailsNaming(String deployment, String property) throws Exception {
        Exception e = assertThrows(Exception.class, () -> deployer.deploy(deployment));
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        String named = "property '" + property + "'";
        if (text.toString().contains(named)) {
            return;
        }
        // The log is written asynchronously: wait for the line rather than read once.
        Path logs = Path.of(System.getProperty("glassfish.home"), "glassfish", "domains", "domain1", "logs");
        if (Await.until(Duration.ofSeconds(20), () -> logged(logs).contains(named))) {
            return;
        }
        // On this machine GlassFish 7.0.21 sometimes writes none of its own records to server.log
        // (only the launcher's), in a fresh domain too. Then the log cannot say anything, and the
        // refusal's wording is covered by ActivationSpecValidationTest (resource-adapter module);
        // when GlassFish did log the activation failure, the property must be named there.
        String log = logged(logs);
        assertFalse(log.contains("EJB Container initialization error") || log.contains("endpointActivation"),
                "the server log records the failed activation but does not name " + property + ": " + text);
        System.err.println("BadConfigurationIT: deployment of " + deployment + " failed as expected; GlassFish"
                + " wrote no server records to server.log, so the property name could not be checked there");
    }

    private static String logged(Path logs) {
        StringBuilder all = new StringBuilder();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logs, "server.log*")) {
            for (Path f : files) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    @Test
    @DisplayName("An MDB with an unknown destinationType fails deployment naming 'destinationType'")
    void unknownDestinationType() throws Exception {
        assertDeploymentFailsNaming("bad-type", "destinationType");
    }

    @Test
    @DisplayName("An MDB with an invalid messageSelector fails deployment naming 'messageSelector'")
    void invalidSelector() throws Exception {
        assertDeploymentFailsNaming("bad-selector", "messageSelector");
    }
}
