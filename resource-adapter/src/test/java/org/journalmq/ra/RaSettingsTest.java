package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.journalmq.jms.config.Settings;
import org.journalmq.jms.config.SettingsBinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19 item 1, the adapter's entry point: each provider setting of the adapter (README
 * "Configuration of the adapter") is a config property of the same name, handed to the provider's
 * settings binder, so the factory it makes holds what the binder makes of the value, and a bad value
 * fails the start with the binder's message, the one the factory, JNDI and properties files give.
 * Also: the adapter's connections register the journal's MBeans, as README "JMX" says.
 */
class RaSettingsTest {

    private static final String URL = "jdbc:hsqldb:mem:ra-settings";

    /** A valid and an invalid value of each provider setting of the adapter (null: any value is valid). */
    private record Case(String name, String valid, String invalid) {
    }

    private static final List<Case> CASES = List.of(
            new Case("url", "jdbc:hsqldb:mem:ra-settings-other", "http://not-jdbc"),
            new Case("user", "APP", null),
            new Case("password", "s3cret", null),
            new Case("passwordEnv", "JOURNALMQ_PASSWORD", "A=B"),
            new Case("tablePrefix", "APP_", "9bad"),
            new Case("leaseMillis", "5000", "5"),
            new Case("duplicateWindowMillis", "60000", "0"),
            new Case("reconnectTimeoutMillis", "15000", "-1"),
            new Case("indexCompactionMinBytes", "1048576", "-1"),
            new Case("poolSize", "3", "0"),
            new Case("redeliveryDelayMillis", "250", "-1"),
            new Case("prefetch", "4", "0"),
            new Case("maxMessageSize", "1048576", "1023"),
            new Case("redeliveryMultiplier", "2", "0.5"),
            new Case("maxRedeliveryDelayMillis", "10000", "-5"),
            new Case("maxDeliveryAttempts", "3", "0"),
            new Case("deadLetterQueue", "failed", " padded"),
            new Case("redeliveryJitter", "0.25", "1.5"),
            new Case("expiryQueue", "expired", "a\nb"),
            new Case("dropExpired", "true", null),
            new Case("jmx", "false", null),
            new Case("deserializationAllowList", "com.acme.**", "com.acme.*x"),
            new Case("deserializationDenyList", "com.acme.internal.*", "maxdepth=3"));

    /** Settings of the adapter alone, which never reach the provider's binder. */
    private static final Set<String> ADAPTER_ONLY = Set.of("dataSourceJndiName");

    static Stream<String> names() {
        return CASES.stream().map(Case::name);
    }

    /** Sets a config property as a server does: through the bean setter, the value converted to its type. */
    private static void configure(JournalResourceAdapter ra, String name, String value) throws Exception {
        Method setter = setterOf(name);
        Class<?> type = setter.getParameterTypes()[0];
        Function<String, Object> convert = type == Integer.class ? Integer::valueOf : type == Long.class
                ? Long::valueOf : type == Double.class ? Double::valueOf : type == Boolean.class ? Boolean::valueOf
                : v -> v;
        setter.invoke(ra, convert.apply(value));
    }

    private static Method setterOf(String name) {
        String method = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return Stream.of(JournalResourceAdapter.class.getMethods())
                .filter(m -> m.getName().equals(method) && m.getParameterCount() == 1)
                .findFirst().orElseThrow(() -> new AssertionError("no config property " + name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void eachSettingIsBoundAsByTheProvidersBinder(String name) throws Exception {
        Case c = CASES.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        SettingsBinder oracle = new SettingsBinder();
        oracle.set("url", URL);
        oracle.set(name, c.valid());

        JournalResourceAdapter ra = new JournalResourceAdapter();
        ra.setUrl(URL);
        configure(ra, name, c.valid());
        try (TestContainer container = new TestContainer()) {
            ra.start(container);
            Settings bound = ra.factory().settings();
            assertEquals(valueOf(oracle.settings(), name), valueOf(bound, name), "accepted value");
        } finally {
            ra.stop();
        }

        if (c.invalid() != null) {
            String expected = assertThrows(IllegalArgumentException.class, () -> oracle.set(name, c.invalid()))
                    .getMessage();
            JournalResourceAdapter bad = new JournalResourceAdapter();
            bad.setUrl(URL);
            configure(bad, name, c.invalid());
            try (TestContainer container = new TestContainer()) {
                ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                        () -> bad.start(container));
                assertEquals(expected, assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage(),
                        "the binder's message");
                assertTrue(e.getMessage().endsWith(expected), e.getMessage());
            }
        }
    }

    private static String valueOf(Settings s, String name) {
        return name.equals("password") ? s.password() : s.publicValues().get(name);
    }

    /** The README's adapter table, ra.xml, the adapter's setters and this test's cases agree. */
    @Test
    void everyDocumentedAdapterSettingIsDeclaredAndTested() throws Exception {
        Set<String> documented = documentedAdapterSettings();
        String raXml = Files.readString(Path.of("src/main/rar/META-INF/ra.xml"));
        Set<String> tested = new TreeSet<>();
        CASES.forEach(c -> tested.add(c.name()));
        for (String name : documented) {
            assertTrue(raXml.contains("<config-property-name>" + name + "</config-property-name>"), name + " in ra.xml");
            setterOf(name);
            if (!ADAPTER_ONLY.contains(name)) {
                assertTrue(SettingsBinder.names().contains(name), name + " is a provider setting of that name");
                assertTrue(tested.contains(name), "a case for " + name);
            }
        }
        assertTrue(documented.containsAll(tested), "documented: " + documented);
    }

    private static Set<String> documentedAdapterSettings() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("### Configuration of the adapter\n");
        String table = readme.substring(start, readme.indexOf("\n\n", readme.indexOf("| property", start)));
        Set<String> names = new TreeSet<>();
        Pattern cell = Pattern.compile("`([A-Za-z]+)`");
        for (String line : table.split("\n")) {
            if (line.startsWith("| `")) {
                Matcher m = cell.matcher(line.substring(0, line.indexOf('|', 2)));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /**
     * Issue 19: the adapter's connections are XA connections of the provider, which registered no
     * MBeans before; now a managed connection registers the journal's, and they go with the last one.
     */
    @Test
    void aResourceAdapterConnectionRegistersTheJournalsMBeans() throws Exception {
        String url = "jdbc:hsqldb:mem:ra-mbeans-" + UUID.randomUUID();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        JournalResourceAdapter ra = new JournalResourceAdapter();
        ra.setUrl(url);
        try (TestContainer container = new TestContainer()) {
            ra.start(container);
            ObjectName bean = new ObjectName("org.journalmq:type=ConnectionFactory,name="
                    + ObjectName.quote(ra.factory().getTablePrefix() + "@" + url)); // named as README "JMX" says
            JournalManagedConnectionFactory mcf = new JournalManagedConnectionFactory();
            mcf.setResourceAdapter(ra);
            ManagedConnection mc = mcf.createManagedConnection(null, null);
            try {
                assertTrue(server.isRegistered(bean), bean + " registered by the adapter's connection");
            } finally {
                mc.destroy();
            }
            assertFalse(server.isRegistered(bean), bean + " unregistered with the journal's last connection");
        } finally {
            ra.stop();
        }
    }
}
