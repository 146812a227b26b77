package org.journalmq.jms.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalObjectFactory;
import org.journalmq.jms.jndi.JournalInitialContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19 item 1: every documented setting is accepted by every entry point of the provider under
 * the same name, with the same value, and a bad value is refused with the same message. The
 * binder is the oracle: whatever {@link SettingsBinder} makes of a value, the factory's setters,
 * {@code set(name, value)}, its Properties constructor, its JNDI Reference and the Java SE JNDI
 * environment must make the same. (The resource adapter's config properties are checked against
 * the same oracle in the adapter's RaSettingsTest.)
 */
class SettingsEntryPointsTest {

    private static final String URL = "jdbc:hsqldb:mem:settings-entry-points";

    /** A valid and an invalid value of each setting (null: the setting accepts any string). */
    private record Case(String name, String valid, String invalid) {
    }

    private static final List<Case> CASES = List.of(
            new Case("url", "jdbc:hsqldb:mem:other-journal", "http://not-jdbc"),
            new Case("user", "APP", null),
            new Case("password", "s3cret", null),
            new Case("passwordEnv", "JOURNALMQ_PASSWORD", "A=B"),
            new Case("poolSize", "3", "0"),
            new Case("leaseMillis", "5000", "5"),
            new Case("duplicateWindowMillis", "60000", "0"),
            new Case("reconnectTimeoutMillis", "15000", "-1"),
            new Case("indexCompactionMinBytes", "1048576", "-1"),
            new Case("tablePrefix", "APP_", "9bad"),
            new Case("clientID", "orders-app", null),
            new Case("prefetch", "4", "0"),
            new Case("maxMessageSize", "1048576", "1023"),
            new Case("redeliveryDelayMillis", "250", "-1"),
            new Case("redeliveryMultiplier", "2", "0.5"),
            new Case("maxRedeliveryDelayMillis", "10000", "-5"),
            new Case("redeliveryJitter", "0.25", "1.5"),
            new Case("maxDeliveryAttempts", "3", "0"),
            new Case("deadLetterQueue", "failed", " padded"),
            new Case("expiryQueue", "expired", "a\nb"),
            new Case("dropExpired", "true", "yes"),
            new Case("jmx", "false", "yes"),
            new Case("deserializationAllowList", "com.acme.**", "com.acme.*x"),
            new Case("deserializationDenyList", "com.acme.internal.*", "maxdepth=3"),
            new Case("queue.orders.maxDeliveryAttempts", "2", "0"),
            new Case("topic.prices.redeliveryJitter", "0.5", "-0.1"));

    /** An entry point: binds one setting (and the url) and returns the settings it made. */
    private interface EntryPoint {
        Settings bind(String name, String value) throws Exception;
    }

    private static final Map<String, EntryPoint> ENTRY_POINTS = entryPoints();

    private static Map<String, EntryPoint> entryPoints() {
        Map<String, EntryPoint> m = new LinkedHashMap<>();
        m.put("set(name, value)", (name, value) -> {
            JournalConnectionFactory f = new JournalConnectionFactory(URL);
            f.set(name, value);
            return f.settings();
        });
        m.put("Properties", (name, value) -> {
            Properties p = new Properties();
            p.setProperty("url", URL);
            p.setProperty(name, value);
            return new JournalConnectionFactory(p).settings();
        });
        m.put("JNDI environment", (name, value) -> {
            Hashtable<String, String> env = new Hashtable<>();
            env.put(Context.INITIAL_CONTEXT_FACTORY, JournalInitialContextFactory.class.getName());
            if (name.equals("url")) {
                env.put("connectionFactory.F", value); // the url is the value of the factory's own key
            } else {
                env.put("connectionFactory.F", URL);
                env.put("connectionFactory.F." + name, value);
            }
            try {
                return ((JournalConnectionFactory) new InitialContext(env).lookup("F")).settings();
            } catch (ConfigurationException e) {
                // JNDI's own exception type; the setting's message is its root cause's, and it ends the text
                assertTrue(e.getMessage().endsWith(e.getRootCause().getMessage()), e.getMessage());
                throw assertInstanceOf(IllegalArgumentException.class, e.getRootCause());
            }
        });
        m.put("bean setter", (name, value) -> viaSetter(name, value).settings());
        m.put("SettingsBinder.of(Map)", (name, value) -> {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("url", URL);
            properties.put(name, value);
            return SettingsBinder.of(properties).settings();
        });
        return m;
    }

    /**
     * The factory's typed setter of the setting, given the value converted to the setter's type, as a
     * bean-configuring container would; per-destination keys go through setQueuePolicy/setTopicPolicy.
     */
    private static JournalConnectionFactory viaSetter(String name, String value) throws Exception {
        JournalConnectionFactory f = new JournalConnectionFactory(URL);
        if (SettingsBinder.isDestinationKey(name)) {
            String[] parts = name.split("\\.");
            if (parts[0].equals("queue")) {
                f.setQueuePolicy(parts[1], parts[2], value);
            } else {
                f.setTopicPolicy(parts[1], parts[2], value);
            }
            return f;
        }
        String property = name.equals("jmx") ? "JmxEnabled" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Method setter = Stream.of(JournalConnectionFactory.class.getMethods())
                .filter(m -> m.getName().equals("set" + property) && m.getParameterCount() == 1)
                .findFirst().orElseThrow(() -> new AssertionError("no bean setter for " + name));
        Class<?> type = setter.getParameterTypes()[0];
        Function<String, Object> convert = type == int.class ? Integer::valueOf : type == long.class ? Long::valueOf
                : type == double.class ? Double::valueOf : type == boolean.class ? Boolean::valueOf : v -> v;
        try {
            setter.invoke(f, convert.apply(value));
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
        return f;
    }

    static Stream<Arguments> cases() {
        return CASES.stream().flatMap(c -> ENTRY_POINTS.keySet().stream().map(e -> Arguments.of(c.name(), e)));
    }

    @ParameterizedTest(name = "{0} through {1}")
    @MethodSource("cases")
    void eachSettingIsBoundAlikeByEachEntryPoint(String name, String entryPoint) throws Exception {
        Case c = CASES.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        EntryPoint entry = ENTRY_POINTS.get(entryPoint);

        SettingsBinder oracle = new SettingsBinder();
        oracle.set("url", URL);
        oracle.set(name, c.valid());
        assertEquals(valueOf(oracle.settings(), name), valueOf(entry.bind(name, c.valid()), name),
                "accepted value");

        if (c.invalid() != null && !(entryPoint.equals("bean setter") && typedSetterCannotTake(name, c.invalid()))) {
            String expected = assertThrows(IllegalArgumentException.class, () -> oracle.set(name, c.invalid()))
                    .getMessage();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> entry.bind(name, c.invalid()));
            assertEquals(expected, e.getMessage(), "error message");
            assertTrue(expected.contains("'" + name + "'") || expected.startsWith(name + ":"),
                    "the message names the setting: " + expected);
        }
    }

    /** A boolean setter cannot be handed "yes": the type system refuses it before the binder sees it. */
    private static boolean typedSetterCannotTake(String name, String invalid) {
        return invalid.equals("yes");
    }

    private static String valueOf(Settings s, String name) {
        return name.equals("password") ? s.password() : s.publicValues().get(name);
    }

    /** A factory bound in JNDI by Reference comes back with every setting but the password (issue 15). */
    @Test
    void theJndiReferenceCarriesEverySettingButThePassword() throws Exception {
        JournalConnectionFactory f = new JournalConnectionFactory(URL);
        for (Case c : CASES) {
            f.set(c.name(), c.valid());
        }
        JournalConnectionFactory copy = (JournalConnectionFactory) new JournalObjectFactory()
                .getObjectInstance(f.getReference(), null, null, null);
        assertEquals(f.settings().publicValues(), copy.settings().publicValues());
        assertEquals(null, copy.settings().password());
        assertTrue(!f.settings().toString().contains("s3cret"), f.settings().toString());
    }

    /** The README's factory table and the binder know the same settings, and this test has a case for each. */
    @Test
    void everyDocumentedSettingIsKnownAndTested() throws Exception {
        Set<String> documented = documentedSettings();
        assertEquals(new TreeSet<>(SettingsBinder.names()), documented, "README table vs binder");
        Set<String> tested = new TreeSet<>();
        CASES.forEach(c -> tested.add(c.name()));
        assertTrue(tested.containsAll(documented), "cases missing for " + documented);
    }

    /** The names in the first column of the README's "### Configuration" table. */
    static Set<String> documentedSettings() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("### Configuration\n");
        String table = readme.substring(start, readme.indexOf("\n\n", readme.indexOf("| property", start)));
        Set<String> names = new TreeSet<>();
        Pattern cell = Pattern.compile("`([A-Za-z]+)`");
        for (String line : table.split("\n")) {
            if (line.startsWith("| `") && !line.startsWith("| `queue.")) {
                Matcher m = cell.matcher(line.substring(0, line.indexOf('|', 2)));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** The JNDI message keeps its promise of never showing a value that does not parse (it may be a password). */
    @Test
    void aValueThatDoesNotParseIsNotShown() {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, JournalInitialContextFactory.class.getName());
        env.put("connectionFactory.F", URL);
        env.put("connectionFactory.F.poolSize", "hunter2");
        NamingException e = assertThrows(NamingException.class, () -> new InitialContext(env));
        assertTrue(!e.getMessage().contains("hunter2") && e.getMessage().contains("'poolSize'"), e.getMessage());
    }
}
