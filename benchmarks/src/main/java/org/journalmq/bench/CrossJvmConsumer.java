package org.journalmq.bench;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.util.Locale;
import org.journalmq.jms.JournalConnectionFactory;

/**
 * The child JVM of {@link CrossJvm}: one MessageListener on the journal, prints {@value #READY}
 * once it listens, then one {@value #RESULT} line when every message arrived or the timeout passed.
 * Args: url user|- prefix|- queue messages prefetch ackMode timeoutSeconds; password from
 * JOURNALMQ_PASSWORD.
 */
public final class CrossJvmConsumer {

    static final String READY = "READY";
    static final String RESULT = "RESULT";

    private CrossJvmConsumer() {
    }

    public static void main(String[] args) throws Exception {
        JournalConnectionFactory f = new JournalConnectionFactory(args[0]);
        if (!"-".equals(args[1])) {
            f.setUser(args[1]);
        }
        if (!"-".equals(args[2])) {
            f.setTablePrefix(args[2]);
        }
        String password = System.getenv("JOURNALMQ_PASSWORD");
        if (password != null && !password.isEmpty()) {
            f.setPassword(password);
        }
        int messages = Integer.parseInt(args[4]);
        f.setPrefetch(Integer.parseInt(args[5]));
        Arrivals arrivals = Arrivals.wallClock(messages);
        boolean complete;
        try (Connection c = f.createConnection()) {
            Session s = c.createSession(Integer.parseInt(args[6]));
            s.createConsumer(s.createQueue(args[3])).setMessageListener(arrivals);
            c.start();
            System.out.println(READY);
            System.out.flush();
            complete = arrivals.await(Long.parseLong(args[7]));
        }
        Latencies.Snapshot l = arrivals.latencies();
        System.out.println(String.format(Locale.ROOT, "%s %d %d %d %.3f %.3f %.3f %.3f %b", RESULT, arrivals.distinct(),
                arrivals.duplicates(), arrivals.lastArrivalMicros(), l.millis(50), l.millis(90), l.millis(99),
                l.maxMillis(), complete));
        System.out.flush();
        System.exit(0);
    }
}
