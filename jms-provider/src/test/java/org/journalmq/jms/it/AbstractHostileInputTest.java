package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.it.HostileValues.Hostile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.journalmq.jms.it.HostileValues.clientIdProblem;
import static org.journalmq.jms.it.HostileValues.destinationProblem;
import static org.journalmq.jms.it.HostileValues.likeLiteral;
import static org.journalmq.jms.it.HostileValues.literal;
import static org.journalmq.jms.it.HostileValues.storable;
import static org.journalmq.jms.it.HostileValues.subscriptionProblem;
import static org.journalmq.jms.it.HostileValues.validIdentifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 15 item 5, hostile input: destination, subscription and property names, client IDs,
 * property values, JMSType, JMSCorrelationID and selectors made of SQL metacharacters, control
 * characters, unicode and 10,000-character strings either get the exception the javadoc names
 * (with a message naming the problem) or round-trip unchanged. After each batch the journal is
 * intact (canary rows and schema version row unchanged, the canary queue still delivers all its
 * messages), and no hostile value ever appeared in the text of an executed SQL statement: the
 * journal runs on a DataSource that records every statement text ({@link SqlRecorder}).
 */
public abstract class AbstractHostileInputTest extends JmsTestBase {

    private static final List<String> CANARY = List.of("canary-1", "canary-2", "canary-3", "canary-4", "canary-5");
    private static final List<String> CANARY_PUBLISHED = List.of("news-1", "news-2", "news-3");

    private DataSource plain;
    private SqlRecorder recorder;
    private HikariDataSource pool;
    private final List<Connection> opened = new ArrayList<>();
    private Queue canary;
    private Topic canaryTopic;
    private Snapshot before;

    /** The journal's tables as seen by plain SQL: canary rows per destination, schema version rows. */
    private record Snapshot(Map<String, Long> canaryRows, List<String> versions) {
    }

    /** A DataSource on this test's journal (not wrapped). */
    protected abstract DataSource dataSource();

    @BeforeEach
    void journalOnRecordingDataSourceWithCanaries() throws Exception {
        plain = dataSource();
        recorder = new SqlRecorder(plain);
        // A pool over the recorder, as an application would give one: PGSimpleDataSource alone opens
        // a new physical connection per statement. The pool passes every SQL text on unchanged.
        pool = new HikariDataSource();
        pool.setDataSource(recorder);
        pool.setMaximumPoolSize(6);
        pool.setPoolName("hostile-input");
        factory = new JournalConnectionFactory(pool);
        factory.setTablePrefix(journal.prefix());
        factory.setLeaseMillis(leaseMillis());

        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        canary = s.createQueue("canary-queue");
        canaryTopic = s.createTopic("canary-topic");
        s.createSharedDurableConsumer(canaryTopic, "canary-subscription").close();
        MessageProducer p = s.createProducer(null);
        for (String text : CANARY) {
            p.send(canary, s.createTextMessage(text));
        }
        for (String text : CANARY_PUBLISHED) {
            p.send(canaryTopic, s.createTextMessage(text));
        }
        before = snapshot();
        assertEquals(2, before.canaryRows().size(), "both canaries must have rows: " + before);
        assertTrue(!before.versions().isEmpty(), "no schema version row");
    }

    @Override
    protected Connection connect() throws JMSException {
        Connection c = super.connect();
        opened.add(c);
        return c;
    }

    /** The canaries still deliver everything they held, in order, after all the test's batches. */
    @AfterEach
    void canariesDeliverAllThenClosePool() throws Exception {
        try {
            canariesDeliverAll();
        } finally {
            // The journal must let go of the pool's connections before the pool closes.
            for (Connection c : opened) {
                c.close();
            }
            pool.close();
        }
    }

    private void canariesDeliverAll() throws Exception {
        assertEquals(CANARY, drain(canary));
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer sub = s.createSharedDurableConsumer(canaryTopic, "canary-subscription");
        List<String> got = new ArrayList<>();
        for (Message m : receiveAll(sub, CANARY_PUBLISHED.size(), 5_000)) {
            got.add(((TextMessage) m).getText());
        }
        assertEquals(CANARY_PUBLISHED, got);
        assertNull(sub.receive(200));
    }

    // ------------------------------------------------------------------ destination names

    /**
     * Session.createQueue/createTopic javadoc: InvalidDestinationException for a name the provider
     * refuses; README limits: 1 to 200 characters, no control characters, no leading or trailing
     * white space. Any other name round-trips through send and receive.
     */
    @Test
    void destinationNames() throws Exception {
        List<Hostile> batch = HostileValues.all("dest");
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        // A queue the "100% off_<marker> _%" name would match if it were ever read as a LIKE pattern.
        String likeMarker = batch.stream().filter(h -> h.label().equals("like-wildcards")).findFirst()
                .orElseThrow().marker();
        Queue sibling = s.createQueue("100 and more offX" + likeMarker + " YZ");
        s.createProducer(sibling).send(s.createTextMessage("sibling"));
        for (Hostile h : batch) {
            String problem = destinationProblem(h.value());
            if (problem != null) {
                assertRefused(InvalidDestinationException.class, problem, h, () -> s.createQueue(h.value()));
                assertRefused(InvalidDestinationException.class, problem, h, () -> s.createTopic(h.value()));
                continue;
            }
            Queue q = s.createQueue(h.value());
            s.createProducer(q).send(s.createTextMessage("to " + h.label()));
            Message got = s.createConsumer(q).receive(5_000);
            assertNotNull(got, h + ": nothing received from the queue");
            assertEquals("to " + h.label(), ((TextMessage) got).getText());
            assertEquals(h.value(), ((Queue) got.getJMSDestination()).getQueueName(), h.label());

            Topic t = s.createTopic(h.value());
            MessageConsumer sub = s.createConsumer(t);
            s.createProducer(t).send(s.createTextMessage("on " + h.label()));
            Message published = sub.receive(5_000);
            assertNotNull(published, h + ": nothing received from the topic");
            assertEquals(h.value(), ((Topic) published.getJMSDestination()).getTopicName(), h.label());
            sub.close();
        }
        assertEquals(List.of("sibling"), drain(sibling), "a hostile name reached a queue it matches as a pattern");
        assertIntact(batch);
    }

    // ------------------------------------------------------------------ subscription names

    /**
     * Session.createSharedDurableConsumer / createDurableConsumer javadoc (spec 6.11): the name
     * identifies the subscription; the provider's limit is 150 characters, and null or empty is
     * refused with InvalidDestinationException. Any other name keys a subscription that keeps
     * messages while no consumer is open.
     */
    @Test
    void subscriptionNames() throws Exception {
        List<Hostile> batch = HostileValues.all("sub");
        Connection c = factory.createConnection();
        try {
            c.setClientID("hostile-names");
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueQueue("subscriptions"));
            MessageProducer p = s.createProducer(t);
            for (Hostile h : batch) {
                String problem = subscriptionProblem(h.value());
                if (problem != null) {
                    assertRefused(InvalidDestinationException.class, problem, h,
                            () -> s.createSharedDurableConsumer(t, h.value()));
                    assertRefused(InvalidDestinationException.class, problem, h,
                            () -> s.createDurableConsumer(t, h.value()));
                    assertRefused(InvalidDestinationException.class, problem, h,
                            () -> s.createSharedConsumer(t, h.value()));
                    continue;
                }
                s.createSharedDurableConsumer(t, h.value()).close();
                s.createDurableConsumer(t, h.value() + "+unshared").close();
                p.send(s.createTextMessage("kept for " + h.label()));
                assertKept(s.createSharedDurableConsumer(t, h.value()), "kept for " + h.label(), h);
                assertKept(s.createDurableConsumer(t, h.value() + "+unshared"), "kept for " + h.label(), h);
                MessageConsumer shared = s.createSharedConsumer(t, h.value());
                p.send(s.createTextMessage("shared " + h.label()));
                assertKept(shared, "shared " + h.label(), h);
                // Both durable subscriptions saw the second message too; unsubscribe drops them with it.
                s.unsubscribe(h.value());
                s.unsubscribe(h.value() + "+unshared");
            }
            assertIntact(batch);
        } finally {
            c.close();
        }
    }

    // ------------------------------------------------------------------ client IDs

    /**
     * Connection.setClientID javadoc: InvalidClientIDException for an invalid client ID; the
     * provider refuses null, empty and longer than 200 characters. Any other ID is reported back
     * unchanged and keys an unshared durable subscription that a later connection with the same ID
     * finds again.
     */
    @Test
    void clientIds() throws Exception {
        List<Hostile> batch = HostileValues.all("cid");
        Topic t;
        try (Connection setup = factory.createConnection()) {
            t = setup.createSession().createTopic(uniqueQueue("client-ids"));
        }
        for (Hostile h : batch) {
            String problem = clientIdProblem(h.value());
            try (Connection c = factory.createConnection()) {
                if (problem != null) {
                    assertRefused(InvalidClientIDException.class, problem, h, () -> c.setClientID(h.value()));
                    continue;
                }
                c.setClientID(h.value());
                assertEquals(h.value(), c.getClientID(), h.label());
                Session s = c.createSession();
                s.createDurableConsumer(t, "by-client-id").close();
                s.createProducer(t).send(s.createTextMessage("for " + h.label()));
            }
            try (Connection again = factory.createConnection()) {
                again.setClientID(h.value());
                again.start();
                Session s = again.createSession();
                assertKept(s.createDurableConsumer(t, "by-client-id"), "for " + h.label(), h);
                s.unsubscribe("by-client-id");
            }
        }
        assertIntact(batch);
    }

    // ------------------------------------------------------------------ properties and headers

    /**
     * Message.setStringProperty javadoc (spec 3.5.1): IllegalArgumentException for a name that is
     * not a valid selector identifier; property values, JMSType, JMSCorrelationID and the text body
     * carry any string and come back exactly.
     */
    @Test
    void propertyNamesValuesAndHeaders() throws Exception {
        List<Hostile> batch = HostileValues.all("prop");
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "properties");
        MessageProducer p = s.createProducer(q);
        List<Hostile> named = new ArrayList<>();
        for (Hostile h : batch) {
            TextMessage m = s.createTextMessage(h.value());
            m.setStringProperty("value", h.value());
            m.setJMSType(h.value());
            m.setJMSCorrelationID(h.value());
            if (validIdentifier(h.value())) {
                m.setStringProperty(h.value(), "named " + h.label());
                named.add(h);
            } else {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> m.setStringProperty(h.value(), "x"), h.label());
                assertTrue(e.getMessage() != null && e.getMessage().contains("property name"),
                        h + ": the message must name the problem: " + e.getMessage());
            }
            p.send(m);
        }
        assertTrue(named.size() >= 3, "the batch must hold valid hostile identifiers too: " + named);
        for (Hostile h : batch) {
            TextMessage got = (TextMessage) s.createConsumer(q).receive(5_000);
            assertNotNull(got, h + ": not received");
            assertEquals(h.value(), got.getText(), h.label());
            assertEquals(h.value(), got.getStringProperty("value"), h.label());
            assertEquals(h.value(), got.getJMSType(), h.label());
            assertEquals(h.value(), got.getJMSCorrelationID(), h.label());
            Set<String> names = new TreeSet<>(Collections.list(got.getPropertyNames()).stream()
                    .map(String.class::cast).toList());
            if (named.contains(h)) {
                assertEquals("named " + h.label(), got.getStringProperty(h.value()), h.label());
                assertTrue(names.contains(h.value()), h.label());
            }
            assertEquals(named.contains(h) ? 2 : 1, names.size() - (names.contains("JMSXDeliveryCount") ? 1 : 0),
                    h + ": unexpected property names");
        }
        assertIntact(batch);
    }

    // ------------------------------------------------------------------ selectors over hostile values

    /**
     * Spec 3.8.1: string literals in selectors are quoted with ' and a ' inside is doubled; LIKE
     * takes an ESCAPE character for % and _. Each hostile value, quoted so, selects exactly the
     * messages that carry it, in a browser, a consumer and a durable subscription's stored selector.
     */
    @Test
    void selectorsOverHostileValues() throws Exception {
        List<Hostile> batch = HostileValues.all("sel");
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "selected");
        Topic t = s.createTopic(uniqueQueue("selected"));
        MessageProducer p = s.createProducer(null);
        for (int i = 0; i < batch.size(); i++) {
            Hostile h = batch.get(i);
            String selector = "value = " + literal(h.value());
            String name = "sel-" + i;
            if (storable(h.value())) {
                s.createSharedDurableConsumer(t, name, selector).close();
            } else {
                assertRefused(InvalidSelectorException.class, "NUL", h,
                        () -> s.createSharedDurableConsumer(t, name, selector));
            }
        }
        Map<Integer, String> values = new TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            String v = batch.get(i).value();
            for (int variant = 0; variant < 2; variant++) {
                int n = 2 * i + variant;
                String carried = variant == 0 ? v : v + "x";
                values.put(n, carried);
                Message m = s.createMessage();
                m.setIntProperty("n", n);
                m.setStringProperty("value", carried);
                m.setJMSType(carried);
                m.setJMSCorrelationID(carried);
                p.send(q, m);
                p.send(t, m);
            }
        }
        for (Hostile h : batch) {
            String v = h.value();
            Set<Integer> equal = matching(values, v::equals);
            Set<Integer> prefixed = matching(values, x -> x.startsWith(v));
            assertEquals(equal, browse(s, q, "value = " + literal(v)), h.label());
            assertEquals(equal, browse(s, q, "JMSType = " + literal(v)), h.label());
            assertEquals(equal, browse(s, q, "JMSCorrelationID = " + literal(v)), h.label());
            assertEquals(equal, browse(s, q, "value LIKE " + likeLiteral(v, "") + " ESCAPE '!'"), h.label());
            assertEquals(prefixed, browse(s, q, "value LIKE " + likeLiteral(v, "%") + " ESCAPE '!'"), h.label());
            assertEquals(equal, browse(s, q, "value IN (" + literal(v) + ")"), h.label());
        }
        for (int i = 0; i < batch.size(); i++) {
            Hostile h = batch.get(i);
            MessageConsumer c = s.createConsumer(q, "value = " + literal(h.value()) + " AND JMSType = "
                    + literal(h.value()));
            Message got = c.receive(5_000);
            assertNotNull(got, h + ": the consumer's selector selected nothing");
            assertEquals(2 * i, got.getIntProperty("n"), h.label());
            c.close();
            if (!storable(h.value())) {
                continue;
            }
            MessageConsumer sub = s.createSharedDurableConsumer(t, "sel-" + i, "value = " + literal(h.value()));
            Message kept = sub.receive(5_000);
            assertNotNull(kept, h + ": the subscription's stored selector selected nothing");
            assertEquals(2 * i, kept.getIntProperty("n"), h.label());
            // Both copies were committed before the consumer opened: a second one would come at once.
            assertNull(sub.receive(200), h + ": the subscription's selector let the other message through");
            sub.close();
            s.unsubscribe("sel-" + i);
        }
        assertEquals(matching(values, x -> x.endsWith("x")), browse(s, q, null),
                "only the messages no selector chose are left");
        assertIntact(batch);
    }

    /**
     * Session.createConsumer javadoc: InvalidSelectorException for an invalid selector. SQL syntax
     * (comments, semicolons, double-quoted strings, unbalanced quotes) is not selector syntax; a
     * blank selector means no selector.
     */
    @Test
    void hostileSelectors() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "selectors");
        String marker = "jmqhxselector";
        List<String> invalid = List.of(
                "value = 'x' OR 1=1 --; " + marker,
                "value = 'x'; DROP TABLE JMQ_DELIVERY -- " + marker,
                "/* " + marker + " */ value = 'x'",
                "value = \"" + marker + "\"",
                "value = '" + marker,
                "value = '" + marker + "'' OR ''1''=''1",
                "value = 'a\\'' OR 1=1 OR value = '" + marker + "'",
                "value = '" + marker + "' \u0000",
                "value LIKE '" + marker + "' ESCAPE '!!'",
                "value = (".repeat(5_000) + marker,
                marker + " = 'x'; --");
        for (String selector : invalid) {
            InvalidSelectorException e = assertThrows(InvalidSelectorException.class,
                    () -> s.createConsumer(q, selector), selector);
            assertTrue(e.getMessage() != null && e.getMessage().contains("selector"), e.getMessage());
            assertThrows(InvalidSelectorException.class, () -> s.createBrowser(q, selector), selector);
        }
        s.createProducer(q).send(s.createTextMessage("any"));
        for (String blank : new String[] {"", "   ", " \t\n "}) {
            assertEquals(1, Collections.list(s.createBrowser(q, blank).getEnumeration()).size(),
                    "a blank selector selects everything: '" + blank + "'");
        }
        assertEquals(List.of(), recorder.textsContaining(marker), "a selector reached SQL as text");
        assertIntact(List.of());
    }

    /**
     * The simplified API throws the runtime twins (JMSContext javadoc): InvalidClientIDRuntimeException,
     * InvalidDestinationRuntimeException, InvalidSelectorRuntimeException; valid hostile values
     * round-trip through JMSProducer properties as through the classic API.
     */
    @Test
    void simplifiedApiRuntimeTwins() throws Exception {
        List<Hostile> batch = HostileValues.all("ctx");
        try (JMSContext context = factory.createContext()) {
            Hostile longest = batch.stream().filter(h -> h.label().equals("very-long")).findFirst().orElseThrow();
            assertThrows(InvalidClientIDRuntimeException.class, () -> context.setClientID(longest.value()));
            Queue q = context.createQueue(uniqueQueue("context"));
            for (Hostile h : batch) {
                if (destinationProblem(h.value()) != null) {
                    assertThrows(InvalidDestinationRuntimeException.class, () -> context.createQueue(h.value()),
                            h.label());
                }
                context.createProducer().setProperty("value", h.value()).setJMSType(h.value()).send(q, h.value());
            }
            JMSConsumer consumer = context.createConsumer(q);
            for (Hostile h : batch) {
                Message m = consumer.receive(5_000);
                assertNotNull(m, h + ": not received");
                assertEquals(h.value(), m.getBody(String.class), h.label());
                assertEquals(h.value(), m.getStringProperty("value"), h.label());
                assertEquals(h.value(), m.getJMSType(), h.label());
            }
            assertThrows(InvalidSelectorRuntimeException.class,
                    () -> context.createConsumer(q, "value = 'x'; DROP TABLE JMQ_DELIVERY --"));
        }
        assertIntact(batch);
    }

    /** The injection check can fail: a value written into SQL text is seen by the recorder. */
    @Test
    void recorderSeesValuesWrittenIntoSql() throws Exception {
        String marker = "jmqhxselfcheck";
        try (java.sql.Connection c = recorder.getConnection(); Statement st = c.createStatement()) {
            st.executeQuery("SELECT COUNT(*) FROM " + journal.prefix() + "SCHEMA_VERSION WHERE 'x' <> '"
                    + marker + "'").close();
        }
        assertEquals(1, recorder.textsContaining(marker.toUpperCase(java.util.Locale.ROOT)).size());
    }

    // ------------------------------------------------------------------ helpers

    /** Canary rows and schema version unchanged; no hostile marker in any executed SQL text. */
    private void assertIntact(List<Hostile> batch) throws Exception {
        assertEquals(before, snapshot(), "the journal's canary rows or schema version changed");
        try (Connection c = factory.createConnection()) {
            QueueBrowser b = c.createSession().createBrowser(canary);
            List<String> texts = new ArrayList<>();
            for (Object m : Collections.list(b.getEnumeration())) {
                texts.add(((TextMessage) m).getText());
            }
            assertEquals(CANARY, texts, "the canary queue lost or gained messages");
        }
        assertTrue(recorder.texts().size() > 10, "the recorder saw no SQL: the journal bypassed it");
        for (Hostile h : batch) {
            if (h.marker() != null) {
                assertEquals(List.of(), recorder.textsContaining(h.marker()), h + " reached SQL as text");
            }
        }
    }

    private Snapshot snapshot() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        List<String> versions = new ArrayList<>();
        String prefix = journal.prefix();
        try (java.sql.Connection c = plain.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT destination, COUNT(*) FROM " + prefix
                    + "DELIVERY GROUP BY destination")) {
                while (rs.next()) {
                    if (rs.getString(1).contains("canary")) {
                        rows.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT version, applied_at FROM " + prefix
                    + "SCHEMA_VERSION ORDER BY version")) {
                while (rs.next()) {
                    versions.add(rs.getInt(1) + "@" + rs.getLong(2));
                }
            }
        }
        return new Snapshot(rows, versions);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertRefused(Class<? extends JMSException> type, String problem, Hostile h, Call call) {
        JMSException e = assertThrows(type, call::run, h.label());
        assertTrue(e.getMessage() != null && e.getMessage().contains(problem),
                h + ": the message must name the problem (" + problem + "): " + e.getMessage());
    }

    private static void assertKept(MessageConsumer c, String text, Hostile h) throws JMSException {
        Message m = c.receive(5_000);
        assertNotNull(m, h + ": the subscription lost " + text);
        assertEquals(text, ((TextMessage) m).getText(), h.label());
        c.close();
    }

    private static Set<Integer> matching(Map<Integer, String> values, java.util.function.Predicate<String> test) {
        Set<Integer> out = new TreeSet<>();
        values.forEach((n, v) -> {
            if (test.test(v)) {
                out.add(n);
            }
        });
        return out;
    }

    private static Set<Integer> browse(Session s, Queue q, String selector) throws JMSException {
        Set<Integer> out = new TreeSet<>();
        QueueBrowser b = s.createBrowser(q, selector);
        for (Object m : Collections.list(b.getEnumeration())) {
            out.add(n((Message) m));
        }
        b.close();
        return out;
    }

    private static int n(Message m) {
        try {
            return m.getIntProperty("n");
        } catch (JMSException e) {
            fail(e);
            return -1;
        }
    }
}
