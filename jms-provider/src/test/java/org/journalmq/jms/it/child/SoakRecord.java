package org.journalmq.jms.it.child;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What one worker incarnation was told by the JMS API, one line per event, appended to a file of
 * its own (issue 13 item 4). Each line is handed to the OS with write() before the call returns:
 * a kill -9 of the JVM cannot take back what the kernel has (the machine is not the thing crashed),
 * so no fsync is needed for the checker to read it afterwards. Lines, fields split by spaces:
 * <ul>
 *   <li>{@code S lane id} - the send (or the commit of a transacted send) returned;</li>
 *   <li>{@code U lane id} - the send's outcome is unknown (database restart): it may or may not be stored;</li>
 *   <li>{@code R lane id redelivered session millis} - the message was handed to the application;</li>
 *   <li>{@code A lane id millis session} - its acknowledge()/commit() returned (AUTO: the next message
 *       of the session was handed over, which JournalMQ does only once the previous ack is durable);</li>
 *   <li>{@code K lane id} - its commit() failed with an unknown outcome: it may or may not come again;</li>
 *   <li>{@code E lane text} - an exception the loop survived.</li>
 * </ul>
 * A line written before the kill is complete or absent: lines are short, one write() each.
 */
public final class SoakRecord implements AutoCloseable {
    private final FileOutputStream out;

    public SoakRecord(Path file) throws IOException {
        out = new FileOutputStream(file.toFile(), true);
    }

    public void sent(SoakLane lane, String id) {
        line("S " + lane + " " + id);
    }

    public void unknown(SoakLane lane, String id) {
        line("U " + lane + " " + id);
    }

    public void received(SoakLane lane, String id, boolean redelivered, String session) {
        line("R " + lane + " " + id + " " + redelivered + " " + session + " " + System.currentTimeMillis());
    }

    public void acknowledged(SoakLane lane, String id, String session) {
        line("A " + lane + " " + id + " " + System.currentTimeMillis() + " " + session);
    }

    public void ackUnknown(SoakLane lane, String id) {
        line("K " + lane + " " + id);
    }

    public void error(String where, Throwable e) {
        line("E " + where + " " + String.valueOf(e).replace('\n', ' '));
    }

    private synchronized void line(String s) {
        try {
            out.write((s + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
