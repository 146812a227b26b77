package org.journalmq.jms.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.InvalidSelectorException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed selectors must be rejected with {@link InvalidSelectorException} when presented (Jakarta Messaging 3.1,
 * section 3.8.1.1: "Jakarta Messaging providers are required to verify the syntactic correctness of a message
 * selector at the time it is presented"), with a message that names the column of the problem.
 */
class InvalidSelectorTest {

    private static final Pattern COLUMN = Pattern.compile("at column (\\d+): ");

    static int column(String selector) {
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class, () -> Selector.parse(selector),
                () -> "should be invalid: " + selector);
        String message = e.getMessage();
        Matcher m = COLUMN.matcher(message);
        assertTrue(m.find(), () -> "no column in: " + message);
        assertTrue(message.startsWith("invalid selector \""), message);
        int column = Integer.parseInt(m.group(1));
        assertTrue(column >= 1 && column <= selector.length() + 1, () -> "column out of range: " + message);
        return column;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // reserved words as identifiers (TCK identifierTest02..14)
        "NULL = 0", "TRUE = 0", "FALSE = 0", "NOT = 0", "AND = 0", "OR = 0", "BETWEEN = 0", "LIKE = 0", "IN = 0",
        "IS = 0", "ESCAPE = 0", "null IS NULL", "a = null",
        // string and boolean comparison is restricted to = and <> (TCK comparisonTest04..12)
        "myProp > 'foo'", "myProp >= 'foo'", "myProp < 'foo'", "myProp <= 'foo'",
        "'foo' > TRUE", "'foo' >= TRUE", "'foo' < TRUE", "'foo' <= TRUE", "TRUE < FALSE", "a > TRUE",
        // non-like literal types
        "'a' = 1", "1 = 'a'", "TRUE = 'a'", "1 <> TRUE", "(a = 1) = 1",
        // BETWEEN, IN, LIKE, IS operands
        "myProp BETWEEN 'foo' and 'test'", "a BETWEEN 1 AND 'x'", "a BETWEEN TRUE AND 2", "a BETWEEN 1",
        "a BETWEEN 1 OR 2", "myProp NOT IN (1,2,3)", "a IN ()", "a IN ('x',)", "a IN 'x'", "a IN ('x' 'y')",
        "a IN (b)", "'x' IN ('x')", "1 IN ('1')", "myProp LIKE 7", "a LIKE b", "'abc' LIKE 'a%'",
        "a + 1 LIKE 'x'", "a LIKE 'x' ESCAPE 'ab'", "a LIKE 'x' ESCAPE ''", "a LIKE 'x' ESCAPE 1",
        "a LIKE 'x!' ESCAPE '!'", "a LIKE '!x' ESCAPE '!'", "a LIKE 'x' ESCAPE", "a IS 5", "a IS NOT 5",
        "5 IS NULL", "'x' IS NULL", "a IS NULL NULL", "a NOT = 1", "a NOT 5", "a NOT NULL",
        // not a conditional expression at the top, or as a logical operand
        "5", "a + 1", "'x'", "-a", "+a", "1.5", "NOT 5", "5 AND a", "a AND 5", "a OR 'x'", "NOT 'x'",
        // arithmetic on literal strings / booleans
        "a = TRUE + 1", "a = -'x'", "a = +TRUE", "a + 'x' = 1", "'x' * 2 = 1", "(a = 1) + 1 = 2",
        "a = (b = 1) + 1",
        // structure
        "a = ", "=", "a =", "a b", "a = 1 b = 2", "(a = 1", "a = 1)", "a AND", "AND a", "a OR OR b", "NOT",
        "a = 1 AND", "(", ")", "()", "a = 'x' 'y'", "((((a))) = 1", "a = 1 /* c */", "a = 1,",
        "JMSType IN ('a') ESCAPE 'x'",
        // lexical
        "a != 1", "a == 1", "\"a\" = 1", "a = 'unterminated", "a = '", "a @ b", "a = #", "a.b = 1", "a = 08",
        "a = 0x", "a = 1e", "a = 9223372036854775808", "a = 99999999999999999999", "a = 1e400",
        "a = 1e-400", "a = 3.5e38f * 10", "a = 0x1FFFFFFFFFFFFFFFF", "a = 1_", "a = ;", "a = `b`",
        "a = \u00a01", "a = 1 \u2003"
    })
    void rejected(String selector) {
        column(selector);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a = | 5",
        "myProp > 'foo' | 10",
        "TRUE = 0 | 8",
        "NULL = 0 | 1",
        "a = 'abc | 5",
        "a ! b | 3",
        "x = 1 AND | 10",
        "a LIKE 7 | 8",
        "a = 1 b | 7",
        "NOT 5 | 5",
        "5 + 1 | 1",
        "a = 9223372036854775808 | 5"
    })
    void namesTheColumn(String selector, int expectedColumn) {
        // CsvSource trims values, so "a = " arrives as "a ="; add the trailing space back for that case.
        String s = selector.equals("a =") ? "a = " : selector;
        assertEquals(expectedColumn, column(s), s);
    }

    @Test
    void messageFormat() {
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class, () -> Selector.parse("a = "));
        assertEquals("invalid selector \"a = \" at column 5: expected an expression, found end of input",
                e.getMessage());
        e = assertThrows(InvalidSelectorException.class, () -> Selector.parse("myProp > 'foo'"));
        assertTrue(e.getMessage().contains("at column 10"), e.getMessage());
    }

    @Test
    void nestingIsLimited() {
        String deep = "(".repeat(300) + "a" + ")".repeat(300);
        column(deep);
        column("NOT ".repeat(300) + "a");
        column("- ".repeat(300) + "a = 1");
        column("a" + " + a".repeat(2000) + " = 1");
        column("(".repeat(100_000));
        column("NOT ".repeat(100_000));
    }

    @Test
    void notTooDeepIsFine() throws Exception {
        Selector.parse("(".repeat(150) + "a" + ")".repeat(150));
        Selector.parse("NOT ".repeat(150) + "a");
        Selector.parse("a" + " + a".repeat(500) + " = 1");
    }
}
