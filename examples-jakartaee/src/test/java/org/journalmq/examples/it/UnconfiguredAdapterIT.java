package org.journalmq.examples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.examples.first.FirstMdb;
import org.journalmq.examples.first.FirstMessages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17, item 4: "With no url and no dataSourceJndiName, the adapter uses an embedded HSQLDB file
 * journal under the server's instance directory and logs where. A GlassFish test deploys the .rar with
 * no properties and an MDB receives a message." The .rar is deployed as {@code
 * journalmq-ra-unconfigured}, a name the module's domain has no resource-adapter-config for.
 */
@ExtendWith(ArquillianExtension.class)
class UnconfiguredAdapterIT {

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.rar("journalmq-ra-unconfigured");
    }

    @Deployment(name = "first-app", order = 2)
    static WebArchive app() {
        String binding = "<glassfish-ejb-jar><enterprise-beans><ejb><ejb-name>FirstMdb</ejb-name>"
                + "<mdb-resource-adapter><resource-adapter-mid>journalmq-ra-unconfigured</resource-adapter-mid>"
                + "</mdb-resource-adapter></ejb></enterprise-beans></glassfish-ejb-jar>";
        return ShrinkWrap.create(WebArchive.class, "first-app.war")
                .addClasses(FirstMessages.class, FirstMdb.class, Await.class)
                .addAsWebInfResource(new StringAsset(binding), "glassfish-ejb-jar.xml");
    }

    @EJB(lookup = "java:app/first-app/FirstMessages")
    FirstMessages messages;

    @Test
    @OperateOnDeployment("first-app")
    @DisplayName("An adapter deployed with no properties starts on an embedded journal in the domain directory, and an MDB receives a message")
    void firstMessageWithNothingConfigured() throws Exception {
        messages.send("first-orders", "hello from an unconfigured adapter");
        assertTrue(Await.until(Duration.ofSeconds(60), () -> !messages.received().isEmpty()),
                "the MDB received nothing");
        assertEquals(List.of("hello from an unconfigured adapter"), messages.received());
        Path domain = Path.of(System.getProperty("com.sun.aas.instanceRoot"));
        assertTrue(Files.exists(domain.resolve("journalmq").resolve("journal.properties")),
                "the journal's files are in journalmq/ under the domain directory " + domain);
    }
}
