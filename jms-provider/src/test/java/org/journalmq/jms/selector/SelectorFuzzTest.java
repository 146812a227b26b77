package org.journalmq.jms.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.jms.InvalidSelectorException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the selector parser and evaluator (message selectors, Jakarta Messaging 3.1, section 3.8.1): seeded
 * random token soups, random grammar-shaped selectors, mutations of those, and random characters. For each input,
 * {@link Selector#parse} either returns or throws {@link InvalidSelectorException}, nothing else; a selector that
 * parses evaluates on random messages without throwing, {@code matches} agrees with {@code evaluate}, and a message
 * outside the {@link HeaderFilter} range never matches. The count is fixed; the timeout only guards against hangs.
 * The seed can be changed with {@code -Dselector.fuzz.seed=N}.
 */
class SelectorFuzzTest {

    private static final int INPUTS = 30_000;
    private static final String[] IDENTS = {"a", "b", "s", "i", "x", "JMSPriority", "JMSType", "JMSDeliveryMode",
        "JMSMessageID", "JMSTimestamp", "JMSCorrelationID", "JMSXGroupID", "JMSExpiration", "$d", "_u"};
    private static final String[] LITERALS = {"'x'", "''", "'it''s'", "'a%'", "'_b'", "'PERSISTENT'", "0", "1", "5",
        "-3", "0x1f", "017", "0b11", "1L", "1.5", "1.5e3", ".5", "7.", "1e-3", "2f", "9223372036854775807",
        "9223372036854775808", "TRUE", "FALSE", "true", "NULL"};
    private static final String[] SYMBOLS = {"=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "(", ")", ",",
        "AND", "OR", "NOT", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE", "and", "or", "not", "Like", "is", "null"};
    private static final String[] CMP = {"=", "<>", "<", "<=", ">", ">="};
    private static final String GARBAGE = "'()=<>!+-*/,.%_\\\"#@;: \t\n0129aeEfxXLl$\u0000\u00e9\u2003\uD83D\uDE00";

    private final long seed = Long.getLong("selector.fuzz.seed", 0x5E1EC7L);
    private final Random random = new Random(seed);
    private int parsed;
    private int rejected;

    @Test
    void fuzz() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (int n = 0; n < INPUTS; n++) {
                String input = switch (n % 5) {
                    case 0 -> tokenSoup();
                    case 1, 2 -> expression(0);
                    case 3 -> mutate(expression(0));
                    default -> garbage();
                };
                check(input);
            }
        });
        assertTrue(parsed > INPUTS / 5, "too few inputs parsed: " + parsed + " (seed " + seed + ")");
        assertTrue(rejected > INPUTS / 10, "too few inputs rejected: " + rejected + " (seed " + seed + ")");
    }

    private void check(String input) {
        Selector selector;
        try {
            selector = Selector.parse(input);
            parsed++;
        } catch (InvalidSelectorException e) {
            rejected++;
            assertTrue(e.getMessage() != null && e.getMessage().contains(" at column "), e.getMessage());
            return;
        } catch (Throwable t) {
            throw new AssertionError("parse threw " + t + " for " + quote(input) + " (seed " + seed + ")", t);
        }
        for (int k = 0; k < 3; k++) {
            TestMessage m = randomMessage();
            try {
                Tristate t = selector.evaluate(m);
                assertEquals(t == Tristate.TRUE, selector.matches(m));
                assertEquals(t, selector.evaluate(m), "evaluation must be deterministic");
                if (t == Tristate.TRUE && selector.headerFilter().isPresent()) {
                    HeaderFilter f = selector.headerFilter().get();
                    int p = m.getJMSPriority();
                    assertTrue((f.minPriority() == null || p >= f.minPriority())
                            && (f.maxPriority() == null || p <= f.maxPriority()),
                            () -> "matched outside " + f + ": " + quote(input));
                }
            } catch (AssertionError e) {
                throw e;
            } catch (Throwable t) {
                fail("evaluation threw " + t + " for " + quote(input) + " (seed " + seed + ")", t);
            }
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.append('"').toString();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String tokenSoup() {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(3);
            sb.append(r == 0 ? pick(IDENTS) : r == 1 ? pick(LITERALS) : pick(SYMBOLS));
            sb.append(random.nextInt(8) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    private String garbage() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(30);
        for (int i = 0; i < n; i++) {
            sb.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : GARBAGE.charAt(random.nextInt(GARBAGE.length())));
        }
        return sb.toString();
    }

    private String mutate(String s) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(5)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, GARBAGE.charAt(random.nextInt(GARBAGE.length())));
                case 2 -> sb.setCharAt(at, GARBAGE.charAt(random.nextInt(GARBAGE.length())));
                case 3 -> sb.setLength(at);
                default -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + 1 + random.nextInt(8))));
            }
        }
        return sb.toString();
    }

    /** A random conditional expression that is mostly well-formed. */
    private String expression(int depth) {
        int r = depth > 4 ? 5 + random.nextInt(6) : random.nextInt(11);
        return switch (r) {
            case 0 -> expression(depth + 1) + " AND " + expression(depth + 1);
            case 1 -> expression(depth + 1) + " OR " + expression(depth + 1);
            case 2 -> "NOT " + expression(depth + 1);
            case 3 -> "(" + expression(depth + 1) + ")";
            case 4 -> arithmetic(depth + 1) + " " + pick(CMP) + " " + arithmetic(depth + 1);
            case 5 -> pick(IDENTS) + (random.nextBoolean() ? " NOT" : "") + " BETWEEN " + arithmetic(depth + 1)
                    + " AND " + arithmetic(depth + 1);
            case 6 -> pick(IDENTS) + (random.nextBoolean() ? " NOT" : "") + " IN ('x', 'PERSISTENT', '5')";
            case 7 -> pick(IDENTS) + (random.nextBoolean() ? " NOT" : "") + " LIKE '" + likePattern() + "'"
                    + (random.nextBoolean() ? " ESCAPE '!'" : "");
            case 8 -> pick(IDENTS) + " IS " + (random.nextBoolean() ? "NOT " : "") + "NULL";
            case 9 -> pick(IDENTS) + " " + (random.nextBoolean() ? "=" : "<>") + " "
                    + pick(new String[] {"'x'", "TRUE", "FALSE", "'PERSISTENT'", pick(IDENTS)});
            default -> random.nextBoolean() ? pick(IDENTS) : "JMSPriority " + pick(CMP) + " " + (random.nextInt(12) - 1);
        };
    }

    private String arithmetic(int depth) {
        int r = depth > 5 ? 3 + random.nextInt(2) : random.nextInt(5);
        return switch (r) {
            case 0 -> arithmetic(depth + 1) + " " + "+-*/".charAt(random.nextInt(4)) + " " + arithmetic(depth + 1);
            case 1 -> "-" + arithmetic(depth + 1);
            case 2 -> "(" + arithmetic(depth + 1) + ")";
            case 3 -> pick(IDENTS);
            default -> pick(new String[] {"0", "1", "5", "-3", "0x1f", "1.5", "1e3", "2f", "9223372036854775807",
                "-9223372036854775808", "2147483647"});
        };
    }

    private String likePattern() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append("ab%_!x".charAt(random.nextInt(6)));
        }
        return sb.toString();
    }

    private TestMessage randomMessage() {
        TestMessage m = new TestMessage();
        for (String name : new String[] {"a", "b", "s", "i", "x", "JMSXGroupID", "JMSExpiration", "$d", "_u"}) {
            Object v = randomValue();
            if (v != null) {
                m.with(name, v);
            }
        }
        m.setJMSPriority(random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(12) - 1);
        m.setJMSDeliveryMode(random.nextInt(3));
        m.setJMSTimestamp(random.nextLong());
        m.setJMSType(random.nextBoolean() ? null : pick(new String[] {"x", "PERSISTENT", "a%", "ab", ""}));
        m.setJMSCorrelationID(random.nextBoolean() ? null : "x");
        m.setJMSMessageID(random.nextBoolean() ? null : "ID:" + random.nextInt(100));
        return m;
    }

    private Object randomValue() {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> (byte) random.nextInt();
            case 3 -> (short) random.nextInt(10);
            case 4 -> random.nextBoolean() ? random.nextInt(10) : pickInt();
            case 5 -> random.nextBoolean() ? (long) random.nextInt(10) : pickLong();
            case 6 -> random.nextBoolean() ? random.nextFloat() * 10 : Float.NaN;
            case 7 -> pickDouble();
            default -> pick(new String[] {"x", "5", "PERSISTENT", "a%", "ab", "", "!%", "_b"});
        };
    }

    private int pickInt() {
        int[] values = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
        return values[random.nextInt(values.length)];
    }

    private long pickLong() {
        long[] values = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE};
        return values[random.nextInt(values.length)];
    }

    private double pickDouble() {
        double[] values = {0.0, -0.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE, random.nextDouble() * 10};
        return values[random.nextInt(values.length)];
    }
}
