package org.journalmq.bench.peer;

import org.journalmq.jms.JournalConnectionFactory;

/** JournalMQ on the journal of --url; prefetch is the factory's own {@code prefetch} (messages). */
public final class JournalPeer implements Peer {

    private final String url;
    private final String user;
    private final String password;
    private final String tablePrefix;

    public JournalPeer(String url, String user, String password, String tablePrefix) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.tablePrefix = tablePrefix;
    }

    @Override
    public String name() {
        return "journalmq";
    }

    @Override
    public String store() {
        return label(url);
    }

    @Override
    public boolean isJournal() {
        return true;
    }

    @Override
    public JournalConnectionFactory factory(int prefetch, int size) {
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setUser(user);
        if (password != null && !password.isEmpty()) {
            f.setPassword(password);
        }
        if (tablePrefix != null) {
            f.setTablePrefix(tablePrefix);
        }
        f.setPrefetch(prefetch);
        return f;
    }

    @Override
    public String prefetchNote(int prefetch, int size) {
        return "prefetch " + prefetch;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The journal's factories close their journal with their last connection: nothing to stop. */
    @Override
    public void close() {
    }

    /** The journal column's label for a JDBC URL. */
    public static String label(String url) {
        if (url.startsWith("jdbc:hsqldb:file:")) {
            return "hsqldb-file";
        }
        if (url.startsWith("jdbc:hsqldb:mem:")) {
            return "hsqldb-mem";
        }
        if (url.startsWith("jdbc:hsqldb:")) {
            return "hsqldb-server";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        return url.split(":").length > 1 ? url.split(":")[1] : url;
    }
}
