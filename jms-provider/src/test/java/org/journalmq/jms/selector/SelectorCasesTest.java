package org.journalmq.jms.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.DeliveryMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven evaluation cases for the message selector language of Jakarta Messaging 3.1, section 3.8.1
 * (3.8.1.1 syntax, 3.8.1.2 null values and the AND / OR / NOT tables, 3.8.1.3 special notes). The table is the
 * resource {@code selector-cases.txt}; its header explains the format and the base message.
 */
class SelectorCasesTest {

    private static final String RESOURCE = "selector-cases.txt";

    record Case(int line, Tristate expected, String selector, String extra) {
        @Override
        public String toString() {
            return "line " + line + ": " + selector + (extra == null ? "" : "  {" + extra + "}");
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(SelectorCasesTest.class.getResourceAsStream(RESOURCE));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" \\| ", 3);
                if (parts.length < 2) {
                    throw new IllegalStateException("malformed case at line " + n + ": " + line);
                }
                Tristate expected = switch (parts[0].trim()) {
                    case "T" -> Tristate.TRUE;
                    case "F" -> Tristate.FALSE;
                    case "U" -> Tristate.UNKNOWN;
                    default -> throw new IllegalStateException("bad expectation at line " + n);
                };
                cases.add(new Case(n, expected, parts[1].trim(), parts.length == 3 ? parts[2].trim() : null));
            }
        }
        return cases;
    }

    static List<Arguments> arguments() throws IOException {
        return cases().stream().map(Arguments::of).toList();
    }

    /** The base message every case runs on; see the header of the case table. */
    static TestMessage baseMessage() {
        TestMessage m = new TestMessage();
        m.setJMSType("car");
        m.setJMSPriority(4);
        m.setJMSDeliveryMode(DeliveryMode.PERSISTENT);
        m.setJMSMessageID("ID:42");
        m.setJMSTimestamp(1000);
        m.setJMSCorrelationID(null);
        m.with("bt", true).with("bf", false).with("by", (byte) 5).with("sh", (short) 5).with("i", 5)
                .with("l", 5L).with("f", 5.0f).with("d", 5.0).with("fh", 2.5f).with("dh", 2.5)
                .with("s", "abc").with("sn", "5").with("quote", "it's").with("empty", "")
                .with("imax", Integer.MAX_VALUE).with("i2", 2).with("lmax", Long.MAX_VALUE)
                .with("lmin", Long.MIN_VALUE).with("zero", 0).with("dzero", 0.0).with("nan", Double.NaN)
                .with("d01", 0.1).with("f01", 0.1f).with("JMSXGroupID", "g1").with("JMS_acme_x", 7)
                .with("pct", "50%").with("und", "a_b");
        return m;
    }

    static TestMessage message(String extra) {
        TestMessage m = baseMessage();
        if (extra == null) {
            return m;
        }
        for (String item : extra.split(";")) {
            int eq = item.indexOf('=');
            String key = item.substring(0, eq);
            String value = item.substring(eq + 1);
            if (key.startsWith("@")) {
                String v = value.equals("null") ? null : value;
                switch (key.substring(1)) {
                    case "JMSType" -> m.setJMSType(v);
                    case "JMSPriority" -> m.setJMSPriority(Integer.parseInt(value));
                    case "JMSDeliveryMode" -> m.setJMSDeliveryMode(Integer.parseInt(value));
                    case "JMSMessageID" -> m.setJMSMessageID(v);
                    case "JMSTimestamp" -> m.setJMSTimestamp(Long.parseLong(value));
                    case "JMSCorrelationID" -> m.setJMSCorrelationID(v);
                    default -> throw new IllegalArgumentException("unknown header " + key);
                }
                continue;
            }
            int colon = key.lastIndexOf(':');
            String name = key.substring(0, colon);
            Object v = switch (key.substring(colon + 1)) {
                case "bool" -> Boolean.parseBoolean(value);
                case "byte" -> Byte.parseByte(value);
                case "short" -> Short.parseShort(value);
                case "int" -> Integer.parseInt(value);
                case "long" -> Long.parseLong(value);
                case "float" -> Float.parseFloat(value);
                case "double" -> Double.parseDouble(value);
                case "string" -> value;
                default -> throw new IllegalArgumentException("unknown type in " + item);
            };
            m.with(name, v);
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void evaluates(Case c) throws Exception {
        Selector selector = Selector.parse(c.selector());
        TestMessage m = message(c.extra());
        assertEquals(c.expected(), selector.evaluate(m), c.toString());
        assertEquals(c.expected() == Tristate.TRUE, selector.matches(m), c.toString());
        assertEquals(c.selector(), selector.text());
    }

    @Test
    void tableHasAtLeast300Cases() throws IOException {
        assertTrue(cases().size() >= 300, "only " + cases().size() + " cases");
    }
}
