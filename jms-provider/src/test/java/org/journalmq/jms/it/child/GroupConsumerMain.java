package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.journalmq.jms.JournalConnectionFactory;

/**
 * A consumer JVM of the message-group crash test: {@link GroupListeners} on a queue until the
 * stop file appears. Args: url user prefix lease queue recordFile prefetch sessions stopFile.
 */
public final class GroupConsumerMain {

    public static void main(String[] args) throws Exception {
        JournalConnectionFactory f = ChildSupport.factory(args);
        f.setPrefetch(Integer.parseInt(args[6]));
        Path stop = Path.of(args[8]);
        Connection c = f.createConnection();
        GroupListeners listeners = GroupListeners.start(c, args[7], Path.of(args[5]), GroupListeners.queue(args[4]));
        c.start();
        listeners.line("READY");
        while (!Files.exists(stop)) {
            Thread.sleep(20); // an external signal: the test creates the file
        }
        listeners.close(c);
    }
}
