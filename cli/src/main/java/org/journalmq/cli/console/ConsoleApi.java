package org.journalmq.cli.console;

import jakarta.jms.BytesMessage;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.journalmq.cli.Figures;
import org.journalmq.cli.MessagePrinter;
import org.journalmq.jms.admin.ClientFigures;
import org.journalmq.jms.admin.DestinationFigures;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.JournalFigures;
import org.journalmq.jms.admin.MoveRequest;

/**
 * What the pages read and do, as JSON-ready maps. Reads come from the sampler's last snapshot
 * (no query per tab); browse, replay and purge go through {@link JournalAdmin}, the code the CLI's
 * {@code browse}, {@code dlq replay} and {@code purge} run.
 */
final class ConsoleApi {
    static final int MAX_BROWSE = 500;
    private static final int HEX_PREVIEW_BYTES = 256;
    // the dead-letter properties (org.journalmq.jms.DeadLetters, documented in the README)
    private static final String ORIGINAL_DESTINATION = "JMS_JournalMQ_OriginalDestination";
    private static final String ORIGINAL_SUBSCRIPTION = "JMS_JournalMQ_OriginalSubscription";
    private static final String ATTEMPTS = "JMS_JournalMQ_DeliveryAttempts";
    private static final String REASON = "JMS_JournalMQ_DeadLetterReason";

    private final JournalAdmin admin;
    private final Sampler sampler;

    ConsoleApi(JournalAdmin admin, Sampler sampler) {
        this.admin = admin;
        this.sampler = sampler;
    }

    Map<String, Object> overview() {
        JournalFigures f = sampler.latest();
        Map<String, Object> o = header(f);
        List<Object> rows = new ArrayList<>();
        if (f != null) {
            for (DestinationFigures d : f.destinations()) {
                Map<String, Object> row = row(d);
                row.put("spark", sampler.depths(d.address()));
                rows.add(row);
            }
        }
        o.put("destinations", rows);
        return o;
    }

    Map<String, Object> destination(String address) throws JMSException {
        DestinationFigures d = knownOrEmpty(address);
        Map<String, Object> o = header(sampler.latest());
        o.put("destination", row(d));
        o.put("history", sampler.history(address));
        return o;
    }

    Map<String, Object> clients() {
        JournalFigures f = sampler.latest();
        Map<String, Object> o = header(f);
        List<Object> rows = new ArrayList<>();
        if (f != null) {
            for (ClientFigures c : f.liveClients()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("startedAt", c.startedAt());
                m.put("heartbeatAgeMs", c.heartbeatAgeMs());
                m.put("consumers", c.consumers());
                m.put("clientIds", c.clientIds());
                rows.add(m);
            }
        }
        o.put("clients", rows);
        return o;
    }

    /** The first messages of a queue or subscription, with a body preview (bytes as hex). */
    Map<String, Object> browse(String address, int count) throws JMSException {
        DestinationFigures d = knownOrEmpty(address);
        List<Message> found = admin.browse(d, null, Math.min(Math.max(1, count), MAX_BROWSE));
        int shown = Math.min(found.size(), Math.min(Math.max(1, count), MAX_BROWSE));
        List<Object> messages = new ArrayList<>();
        for (Message m : found.subList(0, shown)) {
            Map<String, Object> j = MessagePrinter.json(m);
            if (m instanceof BytesMessage b) {
                j.put("body", hex(b));
            }
            j.put("originalDestination", m.getObjectProperty(ORIGINAL_DESTINATION));
            j.put("originalSubscription", m.getObjectProperty(ORIGINAL_SUBSCRIPTION));
            j.put("attempts", m.getObjectProperty(ATTEMPTS));
            j.put("reason", m.getObjectProperty(REASON));
            messages.add(j);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("destination", row(d));
        o.put("messages", messages);
        o.put("more", found.size() > shown);
        return o;
    }

    /** Dead-letter queues: queues named like one, or named as one by a destination with dead letters. */
    Map<String, Object> deadLetterQueues() {
        JournalFigures f = sampler.latest();
        Map<String, Object> o = header(f);
        List<Object> rows = new ArrayList<>();
        if (f != null) {
            java.util.Set<String> named = new java.util.TreeSet<>();
            for (DestinationFigures d : f.destinations()) {
                if (d.dlqDepth() > 0) {
                    named.add(d.deadLetterQueue());
                }
            }
            for (DestinationFigures d : f.destinations()) {
                if (d.type().equals("queue") && (d.name().startsWith("DLQ.") || d.name().equals("ExpiryQueue")
                        || named.contains(d.name()))) {
                    rows.add(row(d));
                }
            }
        }
        o.put("deadLetterQueues", rows);
        return o;
    }

    /** Replays the given dead letters (all when ids is empty) to their original destinations. */
    long replay(String dlq, List<String> ids) throws JMSException {
        admin.knownQueue(dlq);
        String selector = null;
        if (!ids.isEmpty()) {
            StringBuilder s = new StringBuilder("JMSMessageID IN (");
            for (int i = 0; i < ids.size(); i++) {
                s.append(i > 0 ? ", " : "").append('\'').append(ids.get(i).replace("'", "''")).append('\'');
            }
            selector = s.append(')').toString();
        }
        long n = admin.move(MoveRequest.replay(dlq, null, selector, 0));
        sampler.sample(); // show the outcome at once rather than after the next period
        return n;
    }

    long purge(String address) throws JMSException {
        long n = admin.purge(known(address));
        sampler.sample();
        return n;
    }

    /** A destination of the latest snapshot, read afresh when it is newer than that. */
    DestinationFigures known(String address) throws JMSException {
        if (address == null || address.isEmpty()) {
            throw new InvalidDestinationException("no destination given");
        }
        JournalFigures f = sampler.latest();
        if (f != null) {
            var d = f.byAddress(address);
            if (d.isPresent()) {
                return d.get();
            }
        }
        return admin.figures().byAddress(address).orElseThrow(() -> new InvalidDestinationException(
                "unknown destination '" + address + "': the journal holds no message and no consumer for it"));
    }

    /**
     * As {@link #known}, but a queue that was emptied (purged, consumed, replayed) shows as empty:
     * the journal forgets a queue with neither messages nor consumers, and an open page should
     * show zeros rather than an error.
     */
    DestinationFigures knownOrEmpty(String address) throws JMSException {
        try {
            return known(address);
        } catch (InvalidDestinationException e) {
            if (address == null || !address.startsWith("Q:") || address.length() < 3) {
                throw e;
            }
            String name = address.substring(2);
            return new DestinationFigures(name, "queue", address, null, false, false, 0, 0, 0, "DLQ." + name, 0, 0,
                    0, 0, 0, 0);
        }
    }

    private Map<String, Object> header(JournalFigures f) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("takenAt", f == null ? null : f.takenAt());
        o.put("clients", f == null ? null : f.clients());
        o.put("samplePeriodMs", sampler.periodMs());
        o.put("error", sampler.lastError());
        return o;
    }

    private static Map<String, Object> row(DestinationFigures d) {
        Map<String, Object> m = Figures.json(d);
        m.put("address", d.address());
        // every JVM's sends and acks as of each one's last heartbeat: what the rate chart differentiates
        m.put("journalEnqueued", d.journalEnqueued());
        m.put("journalAcked", d.journalAcked());
        return m;
    }

    private static String hex(BytesMessage b) throws JMSException {
        b.reset();
        long length = b.getBodyLength();
        byte[] head = new byte[(int) Math.min(length, HEX_PREVIEW_BYTES)];
        b.readBytes(head);
        StringBuilder s = new StringBuilder();
        for (byte x : head) {
            s.append(s.length() > 0 ? " " : "").append(String.format("%02x", x));
        }
        return length > head.length ? s + " … (" + length + " bytes)" : s.toString();
    }
}
