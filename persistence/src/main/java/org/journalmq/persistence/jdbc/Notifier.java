package org.journalmq.persistence.jdbc;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.dialect.Dialect;
import org.journalmq.persistence.dialect.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push across JVMs on PostgreSQL: every transaction that makes rows ready NOTIFYs one channel per
 * journal (table prefix) with the addresses in the payload, and one LISTEN connection per journal
 * wakes this JVM's receivers of those addresses. NOTIFY is transactional, so a notification arrives
 * only for committed rows, once per transaction however many rows it wrote.
 *
 * <p>Payload: the sender's client id, then one line per address (URL-encoded, since addresses may
 * hold any character), with {@code @deliverAt} for rows not due yet: the earliest of the address, and
 * when the transaction wrote rows of it due in a later timer slot a second line with the latest, so
 * that the listener reads on when the first timer fires (see {@link DelayedRows}). Two plain lines,
 * not a new syntax: a listener of an older version parses them too (it sets one more timer). A payload that would pass
 * PostgreSQL's 8,000-byte limit becomes "wake every receiver". A LISTEN connection that is lost
 * loses the notifications sent meanwhile, so after every (re)connect every receiver fetches once.
 */
final class Notifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final int MAX_PAYLOAD = 7_900;
    private static final String EVERYTHING = "*";

    /** Sends the notification of a transaction inside it. */
    interface Sender {
        void notify(Connection c, Set<String> ready, DelayedRows delayed) throws SQLException;
    }

    /** For databases without NOTIFY: the JVM that holds an embedded database is its only writer. */
    static final Sender NONE = (c, ready, delayed) -> { };

    /** The channel of a journal: one per table prefix (identifiers are at most 63 bytes; the prefix at most 20). */
    static String channel(Tables t) {
        return "journalmq_" + t.prefix().toLowerCase(Locale.ROOT);
    }

    static Sender sender(Tables t, String clientId) {
        String channel = channel(t);
        return (c, ready, delayed) -> {
            if (ready.isEmpty() && delayed.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, channel);
                ps.setString(2, payload(clientId, ready, delayed));
                ps.execute();
            }
        };
    }

    static String payload(String clientId, Set<String> ready, DelayedRows delayed) {
        StringBuilder b = new StringBuilder(clientId);
        for (String address : ready) {
            b.append('\n').append(URLEncoder.encode(address, StandardCharsets.UTF_8));
        }
        delayed.forEachRange((address, earliest, latest) -> {
            String encoded = URLEncoder.encode(address, StandardCharsets.UTF_8);
            b.append('\n').append(encoded).append('@').append(earliest);
            if (Receivers.slot(latest) != Receivers.slot(earliest)) {
                b.append('\n').append(encoded).append('@').append(latest);
            }
        });
        if (b.length() > MAX_PAYLOAD) {
            return clientId + '\n' + EVERYTHING;
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ the LISTEN side

    private final String url;
    private final Properties props;
    private final String channel;
    private final String clientId;
    private final Receivers receivers;
    private final Listeners listeners;
    private final Thread thread;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile Connection current;

    /** A notifier on a LISTEN connection of its own, opened with the journal's URL and credentials. */
    static Notifier listening(JournalConfig config, Dialect dialect, Tables tables, String clientId,
                              Receivers receivers, Listeners listeners, String threadName) {
        return new Notifier(dialect.prepareUrl(config.jdbcUrl()), listenProperties(config, dialect), tables, clientId,
                receivers, listeners, threadName);
    }

    Notifier(String url, Properties props, Tables tables, String clientId, Receivers receivers, Listeners listeners,
             String threadName) {
        this.url = url;
        this.props = props;
        this.channel = channel(tables);
        this.clientId = clientId;
        this.receivers = receivers;
        this.listeners = listeners;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private static Properties listenProperties(JournalConfig config, Dialect dialect) {
        Properties props = new Properties();
        dialect.driverProperties().forEach(props::setProperty);
        props.setProperty("ApplicationName", "journalmq-listen");
        String user = config.user() != null ? config.user() : dialect.defaultUser();
        String password = config.password() != null ? config.password() : dialect.defaultPassword();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return props;
    }

    /** True while the LISTEN connection is up: no commit of another JVM goes unannounced. */
    boolean connected() {
        return connected;
    }

    private void run() {
        long backoff = 100;
        boolean wasDown = false;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(url, props)) {
                current = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN \"" + channel + "\"");
                }
                Object pg = c.unwrap(Class.forName("org.postgresql.PGConnection"));
                Method poll = pg.getClass().getMethod("getNotifications", int.class);
                connected = true;
                backoff = 100;
                if (wasDown) {
                    LOG.info("JMQ1016 LISTEN connection on {} is back; every consumer fetches once", channel);
                }
                receivers.wakeAll(); // notifications sent while nobody listened are lost
                while (!closed) {
                    Object batch = poll.invoke(pg, 1_000);
                    int n = batch == null ? 0 : Array.getLength(batch);
                    for (int i = 0; i < n; i++) {
                        Object notification = Array.get(batch, i);
                        Method parameter = notification.getClass().getMethod("getParameter");
                        parameter.setAccessible(true);
                        received((String) parameter.invoke(notification));
                    }
                }
            } catch (ReflectiveOperationException | SQLException | RuntimeException e) {
                connected = false;
                if (closed) {
                    break;
                }
                if (!wasDown) {
                    LOG.warn("JMQ1017 LISTEN connection on {} lost; consumers poll until it is back: {}", channel,
                            e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e.toString());
                }
                wasDown = true;
                LockSupport.parkNanos(backoff * 1_000_000);
                backoff = Math.min(backoff * 2, 5_000);
            } finally {
                connected = false;
                current = null;
            }
        }
    }

    /** What a notification of another journal names: every address, or these. */
    record Parsed(boolean everything, List<String> ready, DelayedRows delayed) {
    }

    /** Reads a payload ({@link #payload}); null for none, or for one of {@code ownClientId}. */
    static Parsed parse(String payload, String ownClientId) {
        if (payload == null) {
            return null;
        }
        String[] lines = payload.split("\n");
        if (lines.length < 2 || lines[0].equals(ownClientId)) {
            return null;
        }
        List<String> ready = new ArrayList<>();
        DelayedRows delayed = DelayedRows.none();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals(EVERYTHING)) {
                return new Parsed(true, List.of(), DelayedRows.none());
            }
            int at = line.lastIndexOf('@');
            if (at > 0) {
                String address = URLDecoder.decode(line.substring(0, at), StandardCharsets.UTF_8);
                delayed.add(address, Long.parseLong(line.substring(at + 1))); // two lines of an address: "more"
            } else {
                ready.add(URLDecoder.decode(line, StandardCharsets.UTF_8));
            }
        }
        return new Parsed(false, ready, delayed);
    }

    /** Wakes the receivers a notification names; the journal's own were woken at its commit. */
    void received(String payload) {
        Parsed p = parse(payload, clientId);
        if (p == null) {
            return;
        }
        if (p.everything()) {
            listeners.wake(receivers.addresses());
            return;
        }
        receivers.wakeAtEarliest(p.delayed());
        listeners.wake(p.ready());
    }

    @Override
    public void close() {
        closed = true;
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
