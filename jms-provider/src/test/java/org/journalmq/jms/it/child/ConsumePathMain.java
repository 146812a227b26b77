package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;

/**
 * Consumes a queue with MessageListeners on several sessions of one connection, in the
 * acknowledge modes given, and optionally sends to it from the same JVM (so sends may be handed
 * over locally to a waiting listener). Every line of the record is written through to the OS
 * before the step it reports is left:
 * <ul>
 *   <li>{@code READY} once every listener is set and the connection started;</li>
 *   <li>{@code R sid n redelivered deliveryCount}: inside onMessage, before it returns (so before
 *       an AUTO_ACKNOWLEDGE ack);</li>
 *   <li>{@code A sid n}: after {@code acknowledge()} returned in a CLIENT_ACKNOWLEDGE session
 *       (every R line of {@code sid} before it is acknowledged);</li>
 *   <li>{@code C sid n}: after {@code commit()} returned in a transacted session (likewise);</li>
 *   <li>{@code S n}: after the send of message {@code n} returned;</li>
 *   <li>{@code E ...}: a listener or the sender failed (a test failure);</li>
 *   <li>{@code CLOSED}: the connection was closed after the stop file appeared.</li>
 * </ul>
 * Args: url user prefix lease queue recordFile prefetch sessions sendCount sendFrom stopFile.
 * {@code sessions} is a comma list of {@code auto}, {@code client:k} (acknowledge every k
 * messages) and {@code tx:k} (commit every k messages). Messages carry an int property "n".
 */
public final class ConsumePathMain {

    public static void main(String[] args) throws Exception {
        JournalConnectionFactory f = ChildSupport.factory(args);
        f.setPrefetch(Integer.parseInt(args[6]));
        String[] sessions = args[7].split(",");
        int sendCount = Integer.parseInt(args[8]);
        int sendFrom = Integer.parseInt(args[9]);
        Path stop = Path.of(args[10]);
        try (ChildSupport.Record record = new ChildSupport.Record(Path.of(args[5]))) {
            Connection c = f.createConnection();
            List<Session> open = new ArrayList<>();
            for (int sid = 0; sid < sessions.length; sid++) {
                String[] spec = sessions[sid].split(":");
                String kind = spec[0];
                int every = spec.length > 1 ? Integer.parseInt(spec[1]) : 1;
                Session s = switch (kind) {
                    case "auto" -> c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    case "client" -> c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                    case "tx" -> c.createSession(true, Session.SESSION_TRANSACTED);
                    default -> throw new IllegalArgumentException(kind);
                };
                open.add(s);
                MessageConsumer consumer = s.createConsumer(s.createQueue(args[4]));
                int id = sid;
                int[] since = {0};
                consumer.setMessageListener(m -> {
                    try {
                        int n = m.getIntProperty("n");
                        record.line("R " + id + " " + n + " " + m.getJMSRedelivered() + " "
                                + m.getIntProperty("JMSXDeliveryCount"));
                        if (++since[0] % every == 0) {
                            if (kind.equals("client")) {
                                m.acknowledge();
                                record.line("A " + id + " " + n);
                            } else if (kind.equals("tx")) {
                                s.commit();
                                record.line("C " + id + " " + n);
                            }
                        }
                    } catch (Exception | Error e) {
                        error(record, e);
                    }
                });
            }
            c.start();
            record.line("READY");
            if (sendCount > 0) {
                Session ps = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Queue q = ps.createQueue(args[4]);
                MessageProducer p = ps.createProducer(q);
                for (int n = sendFrom; n < sendFrom + sendCount && !Files.exists(stop); n++) {
                    Message m = ps.createTextMessage("payload " + n);
                    m.setIntProperty("n", n);
                    try {
                        p.send(m);
                    } catch (Exception e) {
                        error(record, e);
                        throw e;
                    }
                    record.line("S " + n);
                }
            }
            while (!Files.exists(stop)) {
                Thread.sleep(20); // an external signal: the test creates the file
            }
            c.close();
            record.line("CLOSED");
        }
    }

    private static void error(ChildSupport.Record record, Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        try {
            record.line("E " + w.toString().replace('\n', '|'));
        } catch (java.io.IOException ignored) {
            // the test sees no E line but fails on what is missing
        }
        e.printStackTrace();
    }
}
