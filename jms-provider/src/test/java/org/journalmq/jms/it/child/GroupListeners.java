package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * MessageListeners on several sessions of one connection that record, per delivery, when the
 * application got the message and when its acknowledgement began, for the message-group checks of
 * {@code GroupHistory}. Times are wall-clock microseconds ({@link Instant}), comparable between
 * JVMs of one host. Every line is written through to the OS before the step it reports is left:
 * <ul>
 *   <li>{@code R sid n redelivered deliveryCount t}: first thing in onMessage;</li>
 *   <li>{@code D sid n t}: last thing in onMessage of an AUTO_ACKNOWLEDGE session (its ack begins
 *       after onMessage returns);</li>
 *   <li>{@code a sid t} / {@code A sid t}: before / after {@code acknowledge()} (CLIENT) or
 *       {@code commit()} (transacted) of every message of {@code sid} since the last one;</li>
 *   <li>{@code CLOSING t}: before the connection is closed (what is unacknowledged goes back then);</li>
 *   <li>{@code CLOSED t}: after close() returned (a listener may still have been handed a message
 *       while close() ran; that one went back too, by this time at the latest);</li>
 *   <li>{@code E ...}: a listener failed.</li>
 * </ul>
 * {@code sessions} is a comma list of {@code auto}, {@code client:k} (acknowledge every k messages)
 * and {@code tx:k} (commit every k messages). Messages carry an int property "n".
 */
public final class GroupListeners {
    private final ChildSupport.Record record;
    private final List<Session> sessions = new ArrayList<>();

    private GroupListeners(ChildSupport.Record record) {
        this.record = record;
    }

    /** Microseconds since the epoch, by the wall clock. */
    public static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /**
     * Sets a listener on a consumer of {@code consumers.apply(session)} in each session of the
     * spec list; the connection is started by the caller.
     */
    public static GroupListeners start(Connection c, String spec, Path recordFile,
                                       ConsumerFactory consumers) throws JMSException, IOException {
        GroupListeners g = new GroupListeners(new ChildSupport.Record(recordFile));
        String[] kinds = spec.split(",");
        for (int sid = 0; sid < kinds.length; sid++) {
            g.listen(c, sid, kinds[sid], consumers);
        }
        return g;
    }

    /** Makes the consumer of one session: a queue receiver, or a shared subscription's consumer. */
    @FunctionalInterface
    public interface ConsumerFactory {
        MessageConsumer create(Session s) throws JMSException;
    }

    /** A consumer factory for a queue. */
    public static ConsumerFactory queue(String name) {
        return s -> s.createConsumer(s.createQueue(name));
    }

    private void listen(Connection c, int sid, String spec, ConsumerFactory consumers) throws JMSException {
        String[] parts = spec.split(":");
        String kind = parts[0];
        int every = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        Session s = switch (kind) {
            case "auto" -> c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            case "client" -> c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            case "tx" -> c.createSession(true, Session.SESSION_TRANSACTED);
            default -> throw new IllegalArgumentException("unknown session kind " + kind);
        };
        sessions.add(s);
        MessageConsumer consumer = consumers.create(s);
        int[] since = {0};
        consumer.setMessageListener(m -> {
            try {
                int n = m.getIntProperty("n");
                record.line("R " + sid + " " + n + " " + m.getJMSRedelivered() + " "
                        + m.getIntProperty("JMSXDeliveryCount") + " " + micros());
                if (kind.equals("auto")) {
                    record.line("D " + sid + " " + n + " " + micros());
                } else if (++since[0] % every == 0) {
                    record.line("a " + sid + " " + micros());
                    if (kind.equals("client")) {
                        m.acknowledge();
                    } else {
                        s.commit();
                    }
                    record.line("A " + sid + " " + micros());
                }
            } catch (Exception | Error e) {
                error(record, e);
            }
        });
    }

    /** Records CLOSING, closes the connection, then the record. */
    public void close(Connection c) throws JMSException, IOException {
        record.line("CLOSING " + micros());
        c.close();
        record.line("CLOSED " + micros());
        record.close();
    }

    public void line(String s) throws IOException {
        record.line(s);
    }

    static void error(ChildSupport.Record record, Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        try {
            record.line("E " + w.toString().replace('\n', '|'));
        } catch (IOException ignored) {
            // the test sees no E line but fails on what is missing
        }
        e.printStackTrace();
    }
}
