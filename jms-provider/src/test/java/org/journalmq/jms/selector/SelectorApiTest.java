package org.journalmq.jms.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.InvalidSelectorException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public API of {@link Selector} and the rules of Jakarta Messaging 3.1, section 3.8.1 that the case table
 * cannot express: null / empty selectors, white space, messages whose getters fail, long chains.
 */
class SelectorApiTest {

    @Test
    void nullAndBlankSelectorsMatchEverything() throws Exception {
        assertSame(Selector.ALWAYS, Selector.parse(null));
        assertSame(Selector.ALWAYS, Selector.parse(""));
        assertSame(Selector.ALWAYS, Selector.parse("   "));
        assertSame(Selector.ALWAYS, Selector.parse(" \t\f\r\n "));
        assertEquals("", Selector.ALWAYS.text());
        assertTrue(Selector.ALWAYS.matches(new TestMessage()));
        assertEquals(Tristate.TRUE, Selector.ALWAYS.evaluate(TestMessage.failing()));
        assertTrue(Selector.ALWAYS.headerFilter().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"JMSType   =   'foo'", "JMSType\t=\t'foo'", "JMSType\f=\f'foo'", "JMSType\n= \n'foo'",
        "JMSType\r\n=\r\n'foo'", "  JMSType='foo'  ", "(JMSType='foo')", "JMSType LIKE 'f%'"})
    void javaWhiteSpaceSeparatesTokens(String selector) throws Exception {
        TestMessage m = new TestMessage();
        m.setJMSType("foo");
        assertTrue(Selector.parse(selector).matches(m));
    }

    @Test
    void likeWildcardsMatchLineTerminators() throws Exception {
        TestMessage m = new TestMessage().with("x", "a\nb\r\nc");
        assertTrue(Selector.parse("x LIKE 'a%c'").matches(m));
        assertTrue(Selector.parse("x LIKE 'a_b%'").matches(m));
        assertTrue(Selector.parse("x LIKE 'a\nb%'").matches(m));
    }

    @Test
    void failingMessageGivesUnknownAndNeverThrows() throws Exception {
        TestMessage failing = TestMessage.failing();
        for (String s : new String[] {"a = 1", "JMSType = 'x'", "JMSPriority > 1", "JMSDeliveryMode = 'PERSISTENT'",
            "a IS NULL", "JMSMessageID IS NOT NULL", "a LIKE 'x'", "a IN ('x')", "a BETWEEN 1 AND 2"}) {
            Selector sel = Selector.parse(s);
            Tristate t = sel.evaluate(failing);
            assertFalse(sel.matches(failing) && t != Tristate.TRUE);
        }
        // a getter failure reads as NULL
        assertEquals(Tristate.UNKNOWN, Selector.parse("a = 1").evaluate(failing));
        assertEquals(Tristate.TRUE, Selector.parse("a IS NULL").evaluate(failing));
        assertEquals(Tristate.UNKNOWN, Selector.parse("JMSPriority = 4").evaluate(failing));
        assertEquals(Tristate.UNKNOWN, Selector.parse("a = 1").evaluate(null));
    }

    @Test
    void unusualPropertyObjectsAreNotNumbers() throws Exception {
        TestMessage m = new TestMessage().with("big", new java.math.BigDecimal("5")).with("c", 'x');
        assertEquals(Tristate.FALSE, Selector.parse("big = 5").evaluate(m));
        assertEquals(Tristate.UNKNOWN, Selector.parse("big + 1 = 6").evaluate(m));
        assertEquals(Tristate.FALSE, Selector.parse("c = 'x'").evaluate(m));
    }

    @Test
    void deliveryModeOutsideTheTwoValuesIsNull() throws Exception {
        TestMessage m = new TestMessage();
        m.setJMSDeliveryMode(0);
        assertEquals(Tristate.TRUE, Selector.parse("JMSDeliveryMode IS NULL").evaluate(m));
    }

    @Test
    void identifiersFollowCharacterIsJavaIdentifierPart() throws Exception {
        // U+0000 is an "ignorable" Java identifier part, so it belongs to the identifier.
        TestMessage m = new TestMessage().with("a\u0000", 1);
        assertEquals(Tristate.TRUE, Selector.parse("a\u0000= 1").evaluate(m));
        TestMessage u = new TestMessage().with("\uD835\uDC9C", 2); // a supplementary letter
        assertEquals(Tristate.TRUE, Selector.parse("\uD835\uDC9C = 2").evaluate(u));
    }

    @Test
    void longAndOrChainsAreFlat() throws Exception {
        StringBuilder sb = new StringBuilder("id = 0");
        for (int i = 1; i < 20_000; i++) {
            sb.append(" OR id = ").append(i);
        }
        Selector s = Selector.parse(sb.toString());
        assertTrue(s.matches(new TestMessage().with("id", 19_999L)));
        assertFalse(s.matches(new TestMessage().with("id", 20_000L)));
        StringBuilder in = new StringBuilder("s IN ('x'");
        for (int i = 0; i < 20_000; i++) {
            in.append(", 'v").append(i).append('\'');
        }
        assertTrue(Selector.parse(in.append(")").toString()).matches(new TestMessage().with("s", "v123")));
    }

    @Test
    void textIsKeptAndToStringShowsIt() throws Exception {
        Selector s = Selector.parse("a = 1");
        assertEquals("a = 1", s.text());
        assertTrue(s.toString().contains("a = 1"));
    }

    @Test
    void everyEvaluationResultIsOneOfThree() throws Exception {
        Selector s = Selector.parse("a");
        assertEquals(Tristate.TRUE, s.evaluate(new TestMessage().with("a", true)));
        assertEquals(Tristate.FALSE, s.evaluate(new TestMessage().with("a", false)));
        assertEquals(Tristate.UNKNOWN, s.evaluate(new TestMessage()));
        assertEquals(Tristate.UNKNOWN, s.evaluate(new TestMessage().with("a", "true")));
    }

    /** Large and pathological inputs; the timeout is only a hang guard (parsing is linear, LIKE is O(n·m)). */
    @Test
    void largeInputsDoNotHang() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int n = 1_000_000;
            assertThrows(InvalidSelectorException.class, () -> Selector.parse("a = " + "1".repeat(n)));
            assertThrows(InvalidSelectorException.class, () -> Selector.parse("a = " + "1".repeat(n) + "."));
            assertThrows(InvalidSelectorException.class, () -> Selector.parse("a = " + "1_".repeat(n)));
            assertThrows(InvalidSelectorException.class, () -> Selector.parse("a = '" + "''".repeat(n)));
            assertThrows(InvalidSelectorException.class, () -> Selector.parse("a".repeat(n) + " ="));
            assertThrows(InvalidSelectorException.class, () -> Selector.parse("()".repeat(n)));
            assertThrows(InvalidSelectorException.class, () -> Selector.parse("a = ".repeat(n)));
            Selector quotes = Selector.parse("a = '" + "''".repeat(n) + "'");
            assertTrue(quotes.matches(new TestMessage().with("a", "'".repeat(n))));
            Selector like = Selector.parse("a LIKE '" + "%a".repeat(2000) + "b'");
            assertFalse(like.matches(new TestMessage().with("a", "a".repeat(4000))));
            assertTrue(like.matches(new TestMessage().with("a", "a".repeat(4000) + "b")));
        });
    }
}
