package org.journalmq.jms.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import java.nio.file.Path;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.ProviderVersion;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider version (ConnectionMetaData.getProviderVersion, getProviderMajorVersion,
 * getProviderMinorVersion; Messaging 3.1 sec. 3.5.9) comes from the jar manifest's
 * Implementation-Version. The jar case itself is checked on the built archive by the resource
 * adapter's RarContentsIT; here: the parsing, and the explicit fallback when run from classes.
 */
class ProviderVersionTest {

    @TempDir
    Path dir;

    @Test
    void releaseAndSnapshotVersionsGiveMajorAndMinor() {
        assertEquals(new ProviderVersion("0.1.0-SNAPSHOT", 0, 1), ProviderVersion.of("0.1.0-SNAPSHOT"));
        assertEquals(new ProviderVersion("2.13.4", 2, 13), ProviderVersion.of("2.13.4"));
        assertEquals(new ProviderVersion("3", 3, 0), ProviderVersion.of("3"));
        assertEquals(new ProviderVersion("1.2-rc1", 1, 2), ProviderVersion.of(" 1.2-rc1 "));
    }

    @Test
    void aVersionWithoutNumbersKeepsItsTextAndCountsAsZero() {
        assertEquals(new ProviderVersion("nightly", 0, 0), ProviderVersion.of("nightly"));
        assertEquals(new ProviderVersion("1.x", 1, 0), ProviderVersion.of("1.x"));
    }

    @Test
    void noManifestVersionIsTheExplicitDevelopmentVersion() {
        assertSame(ProviderVersion.DEVELOPMENT, ProviderVersion.of(null));
        assertSame(ProviderVersion.DEVELOPMENT, ProviderVersion.of(" "));
        assertEquals("development build (no jar manifest)", ProviderVersion.DEVELOPMENT.text());
    }

    @Test
    @DisplayName("run from target/classes (no manifest): ConnectionMetaData reports the development version, 0.0")
    void fromClassesTheMetaDataSaysDevelopment() throws Exception {
        // Surefire runs this module against its classes directory: the package has no manifest.
        assertEquals(null, ProviderVersion.class.getPackage().getImplementationVersion(),
                "this test expects the provider's classes, not its jar");
        String url = "jdbc:hsqldb:file:" + dir.resolve("journal");
        try (Connection c = new JournalConnectionFactory(url).createConnection()) {
            ConnectionMetaData md = c.getMetaData();
            assertEquals(ProviderVersion.DEVELOPMENT.text(), md.getProviderVersion());
            assertEquals(0, md.getProviderMajorVersion());
            assertEquals(0, md.getProviderMinorVersion());
            assertEquals("JournalMQ", md.getJMSProviderName());
        } finally {
            TestDatabases.shutdownHsqldb(url);
        }
    }
}
