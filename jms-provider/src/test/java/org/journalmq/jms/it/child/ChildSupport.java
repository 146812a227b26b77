package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.journalmq.jms.JournalConnectionFactory;

/** Arguments shared by the child mains: url, user ("-" for none), table prefix, lease millis. */
final class ChildSupport {

    private ChildSupport() {
    }

    static Connection connect(String[] args) throws JMSException {
        return factory(args).createConnection();
    }

    /** The factory {@link #connect} uses, for mains that tune more settings (prefetch) first. */
    static JournalConnectionFactory factory(String[] args) {
        JournalConnectionFactory f = new JournalConnectionFactory(args[0]);
        if (!"-".equals(args[1])) {
            f.setUser(args[1]);
        }
        f.setTablePrefix(args[2]);
        f.setLeaseMillis(Long.parseLong(args[3]));
        return f;
    }

    /** An append-only record file; each line is written through to the OS before the next step. */
    static final class Record implements AutoCloseable {
        private final OutputStream out;

        Record(Path file) throws IOException {
            out = new FileOutputStream(file.toFile(), true);
        }

        synchronized void line(String s) throws IOException {
            out.write((s + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
