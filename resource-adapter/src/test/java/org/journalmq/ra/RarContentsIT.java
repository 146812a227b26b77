package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code .rar} (integration-test phase, after packaging): what it bundles (issue 17).
 * A server's own logging must stay in charge: the only SLF4J provider inside is slf4j-jdk14, which
 * hands every record to java.util.logging, the log system of GlassFish and Payara and one that
 * WildFly's and Open Liberty's log managers capture; no logging backend of its own (Logback, Log4j,
 * slf4j-simple) and no JUL-to-SLF4J bridge, which would loop with it. The version comes from the
 * manifests (Messaging 3.1 sec. 3.5.9, ConnectionMetaData), and ra.xml carries the same one.
 */
class RarContentsIT {

    private static final String SLF4J_PROVIDER_SERVICE = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";
    private static final Pattern JAR_NAME = Pattern.compile("(.+?)-(\\d[^/]*)\\.jar");

    @TempDir
    static Path unpacked;

    private static Path rar;
    private static String version;
    /** Jar name without version and ".jar" -> the jar, unpacked from the .rar. */
    private static final TreeMap<String, Path> JARS = new TreeMap<>();

    @BeforeAll
    static void unpack() throws IOException {
        rar = Path.of(System.getProperty("journalmq.rar"));
        version = System.getProperty("journalmq.version");
        assertTrue(Files.isRegularFile(rar), () -> "no .rar at " + rar + " (run by failsafe after package)");
        try (ZipFile zip = new ZipFile(rar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().endsWith(".jar")) {
                    assertTrue(!e.getName().contains("/"), () -> "jars sit at the root of the .rar: " + e.getName());
                    Matcher m = JAR_NAME.matcher(e.getName());
                    assertTrue(m.matches(), () -> "jar without a version in its name: " + e.getName());
                    Path out = unpacked.resolve(e.getName());
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, out);
                    }
                    JARS.put(m.group(1), out);
                }
            }
        }
    }

    @Test
    @DisplayName("the .rar bundles the provider, HSQLDB, HikariCP, the PostgreSQL and MariaDB drivers and SLF4J; not the server's APIs")
    void bundlesExactlyWhatTheAdapterNeeds() {
        // A new jar in this list is a decision: look at what it brings (logging above all) first.
        assertEquals(new TreeSet<>(Set.of("journalmq-ra", "journalmq-jms", "journalmq-persistence", "hsqldb",
                "HikariCP", "postgresql", "mariadb-java-client", "slf4j-api", "slf4j-jdk14")), JARS.navigableKeySet());
    }

    @Test
    @DisplayName("one SLF4J provider, slf4j-jdk14 (to java.util.logging), and no logging backend or bridge of its own")
    void noLoggingBindingThatFightsTheServers() throws IOException {
        List<String> providers = new ArrayList<>();
        List<String> backends = new ArrayList<>();
        for (var jar : JARS.entrySet()) {
            for (String entry : entries(jar.getValue())) {
                if (entry.equals(SLF4J_PROVIDER_SERVICE) || entry.equals("org/slf4j/impl/StaticLoggerBinder.class")) {
                    providers.add(jar.getKey() + ": " + entry);
                }
                if (entry.startsWith("ch/qos/logback/") || entry.startsWith("org/apache/logging/log4j/")
                        || entry.startsWith("org/apache/log4j/") || entry.startsWith("org/slf4j/simple/")
                        || entry.startsWith("org/slf4j/bridge/") || entry.startsWith("org/apache/commons/logging/")
                        || entry.startsWith("org/jboss/logmanager/")) {
                    backends.add(jar.getKey() + ": " + entry);
                }
            }
        }
        assertEquals(List.of("slf4j-jdk14: " + SLF4J_PROVIDER_SERVICE), providers);
        assertEquals(List.of(), backends);
    }

    @Test
    @DisplayName("ra.xml and the manifests of the JournalMQ jars carry the project version")
    void versionsComeFromTheBuild() throws IOException {
        try (ZipFile zip = new ZipFile(rar.toFile())) {
            String raXml = new String(zip.getInputStream(zip.getEntry("META-INF/ra.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(raXml.contains("<resourceadapter-version>" + version + "</resourceadapter-version>"), raXml);
        }
        for (String name : List.of("journalmq-ra", "journalmq-jms", "journalmq-persistence")) {
            assertTrue(JARS.get(name).getFileName().toString().equals(name + "-" + version + ".jar"),
                    () -> JARS.get(name) + " is not of version " + version);
            try (JarInputStream in = new JarInputStream(Files.newInputStream(JARS.get(name)))) {
                Manifest manifest = in.getManifest();
                assertEquals(version, manifest.getMainAttributes().getValue("Implementation-Version"), name);
            }
        }
    }

    @Test
    @DisplayName("run from the .rar's jars alone, ConnectionMetaData reports the manifest version (sec. 3.5.9)")
    void providerVersionOfTheBundledJars() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (Path jar : JARS.values()) {
            urls.add(jar.toUri().toURL());
        }
        // the server's API, as in a container: the test's own copy of jakarta.jms-api
        urls.add(jakarta.jms.Message.class.getProtectionDomain().getCodeSource().getLocation());
        // parent: the platform loader only, so no class comes from the reactor's target/classes
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> factory = loader.loadClass("org.journalmq.jms.JournalConnectionFactory");
            assertEquals(JARS.get("journalmq-jms").toUri().toURL(),
                    factory.getProtectionDomain().getCodeSource().getLocation(), "loaded from the bundled jar");
            Object cf = factory.getConstructor(String.class).newInstance("jdbc:hsqldb:mem:rar-contents-it");
            Class<?> connection = loader.loadClass("jakarta.jms.Connection");
            Class<?> metaData = loader.loadClass("jakarta.jms.ConnectionMetaData");
            Object c = factory.getMethod("createConnection").invoke(cf);
            try {
                Object md = connection.getMethod("getMetaData").invoke(c);
                Method v = metaData.getMethod("getProviderVersion");
                assertEquals(version, v.invoke(md));
                Matcher m = Pattern.compile("(\\d+)\\.(\\d+).*").matcher(version);
                assertTrue(m.matches(), version);
                assertEquals(Integer.parseInt(m.group(1)), metaData.getMethod("getProviderMajorVersion").invoke(md));
                assertEquals(Integer.parseInt(m.group(2)), metaData.getMethod("getProviderMinorVersion").invoke(md));
            } finally {
                connection.getMethod("close").invoke(c);
            }
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
