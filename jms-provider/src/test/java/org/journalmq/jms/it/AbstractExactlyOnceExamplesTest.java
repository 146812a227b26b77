package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.Session;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.journalmq.examples.DeduplicatingProducer;
import org.journalmq.examples.ExactlyOnceConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs the two exactly-once example programs of the README (issue 16 item 3) against a real
 * journal: the producer sends its orders twice with duplicate ids and the queue holds each once;
 * the consumer writes one shipment row per order in the transaction that acknowledges it, and a
 * second run finds nothing left to ship.
 */
public abstract class AbstractExactlyOnceExamplesTest extends JmsTestBase {

    private String[] exampleArgs(String... more) {
        List<String> args = new ArrayList<>(journal.childArgs());
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private int queued() throws Exception {
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            return Collections.list(s.createBrowser(s.createQueue("orders")).getEnumeration()).size();
        } finally {
            s.close();
        }
    }

    private List<String> shipments() throws Exception {
        connect(); // an embedded database stays open (with the journal's settings) while we read it
        try (Connection db = DriverManager.getConnection(journal.url(), journal.user() == null ? "SA" : journal.user(),
                journal.user() == null ? "" : null);
             PreparedStatement ps = db.prepareStatement("SELECT order_id FROM " + journal.prefix()
                     + "SHIPMENT ORDER BY order_id");
             ResultSet rs = ps.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    @Test
    @DisplayName("README Exactly-once: the deduplicating producer and the local-transaction consumer ship each order once")
    void examplesShipEachOrderOnce() throws Exception {
        DeduplicatingProducer.main(exampleArgs("5"));
        assertEquals(5, queued(), "ten sends, five stored");

        ExactlyOnceConsumer.main(exampleArgs());
        List<String> expected = List.of("order-1", "order-2", "order-3", "order-4", "order-5");
        assertEquals(expected, shipments());
        assertEquals(0, queued(), "every order acknowledged with its row");

        DeduplicatingProducer.main(exampleArgs("5")); // a later resend within the window: all duplicates
        assertEquals(0, queued());
        ExactlyOnceConsumer.main(exampleArgs());
        assertEquals(expected, shipments(), "nothing shipped twice");
    }
}
