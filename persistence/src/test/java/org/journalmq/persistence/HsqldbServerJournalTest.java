package org.journalmq.persistence;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import org.hsqldb.server.Server;
import org.hsqldb.server.ServerConstants;

/**
 * The conformance suite against HSQLDB in server mode ({@code jdbc:hsqldb:hsql://}), each test
 * with its own server and in-memory database (MVCC set on the server side, as a server's
 * operator would).
 */
class HsqldbServerJournalTest extends JournalConformanceTest {
    private Server server;

    @Override
    protected JournalConfig.Builder freshConfig() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new Server();
        server.setLogWriter(new PrintWriter(Writer.nullWriter()));
        server.setErrWriter(new PrintWriter(Writer.nullWriter()));
        server.setSilent(true);
        server.setAddress("127.0.0.1");
        server.setPort(port);
        server.setDatabaseName(0, "journal");
        server.setDatabasePath(0, "mem:server" + port + ";hsqldb.tx=mvcc");
        server.start();
        if (server.getState() != ServerConstants.SERVER_STATE_ONLINE) {
            throw new IllegalStateException("HSQLDB server did not start: " + server.getStateDescriptor());
        }
        return JournalConfig.builder("jdbc:hsqldb:hsql://127.0.0.1:" + port + "/journal");
    }

    @Override
    public String unreachableUrl(int port) {
        return "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/journal;password=secretpw";
    }

    @Override
    public JournalConfig wrongCredentials(JournalConfig base) {
        return base.toBuilder().user("NOBODY").password("wrong").build();
    }

    @Override
    protected void cleanUp(JournalConfig config) {
        if (server != null) {
            server.shutdownWithCatalogs(org.hsqldb.Database.CLOSEMODE_IMMEDIATELY);
            server = null;
        }
    }
}
