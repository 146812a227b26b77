package org.journalmq.ra;

import jakarta.jms.Connection;
import java.nio.file.Path;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the outbound tests share: a started adapter on a fresh HSQLDB file journal in a
 * {@link TestContainer}, its managed connection factory, and a plain factory of the same journal
 * for looking at what the container's connections did.
 */
abstract class OutboundFixture {

    @TempDir
    Path dir;

    TestContainer container;
    JournalResourceAdapter ra;
    JournalManagedConnectionFactory mcf;
    JournalConnectionFactory plain;
    /** Keeps the file journal open between the container's connections. */
    private Connection keepOpen;

    @BeforeEach
    void startAdapter() throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("journal");
        container = new TestContainer();
        ra = new JournalResourceAdapter();
        ra.setUrl(url);
        ra.start(container);
        mcf = new JournalManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        plain = new JournalConnectionFactory(url);
        keepOpen = plain.createConnection();
    }

    @AfterEach
    void stopAdapter() throws Exception {
        keepOpen.close();
        ra.stop();
        container.close();
    }
}
