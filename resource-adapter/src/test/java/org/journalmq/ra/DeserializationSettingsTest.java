package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.ResourceAdapterInternalException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * The adapter passes the provider's deserialization settings (issue 15 item 2) through to the
 * factory its connections and MDB deliveries use, declared in ra.xml like the other settings, and
 * a malformed list fails the deployment naming the property.
 */
class DeserializationSettingsTest {

    @Test
    void theListsReachTheProviderFactory() {
        RaConfig config = new RaConfig();
        config.url = "jdbc:hsqldb:mem:ra-deserialization";
        config.deserializationAllowList = "com.acme.orders.**";
        config.deserializationDenyList = "com.acme.orders.internal.*";
        JournalConnectionFactory f = config.toFactory();
        assertEquals("com.acme.orders.**", f.getDeserializationAllowList());
        assertEquals("com.acme.orders.internal.*", f.getDeserializationDenyList());
    }

    @Test
    void aMalformedListFailsTheStartNamingTheProperty() throws Exception {
        JournalResourceAdapter ra = new JournalResourceAdapter();
        ra.setUrl("jdbc:hsqldb:mem:ra-deserialization-bad");
        ra.setDeserializationAllowList("com.acme.*x");
        try (TestContainer container = new TestContainer()) {
            ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                    () -> ra.start(container));
            assertTrue(e.getMessage().contains("deserializationAllowList"), e.getMessage());
        }
    }

    @Test
    void raXmlDeclaresBothSettings() throws Exception {
        String raXml = Files.readString(Path.of("src/main/rar/META-INF/ra.xml"));
        for (String name : new String[] {"deserializationAllowList", "deserializationDenyList"}) {
            assertTrue(raXml.contains("<config-property-name>" + name + "</config-property-name>"), name);
            JournalResourceAdapter.class.getMethod("set" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    String.class);
        }
    }
}
