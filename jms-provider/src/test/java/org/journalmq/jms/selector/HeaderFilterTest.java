package org.journalmq.jms.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JMSPriority push-down range of {@link Selector#headerFilter()} (selectors of Jakarta Messaging 3.1, section
 * 3.8.1): which selectors get one, and that it is implied by the selector.
 */
class HeaderFilterTest {

    private static Optional<HeaderFilter> filter(String selector) throws Exception {
        return Selector.parse(selector).headerFilter();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "JMSPriority = 5 | 5 | 5",
        "JMSPriority > 5 | 6 | -",
        "JMSPriority >= 5 | 5 | -",
        "JMSPriority < 5 | - | 4",
        "JMSPriority <= 5 | - | 5",
        "5 < JMSPriority | 6 | -",
        "5 >= JMSPriority | - | 5",
        "JMSPriority BETWEEN 3 AND 7 | 3 | 7",
        "JMSPriority > 2 AND JMSPriority < 8 | 3 | 7",
        "a = 1 AND JMSPriority >= 4 AND b = 'x' | 4 | -",
        "(JMSPriority >= 4 AND a) AND JMSPriority <= 6 | 4 | 6",
        "JMSPriority >= 4 AND JMSPriority >= 6 AND JMSPriority <= 9 AND JMSPriority <= 8 | 6 | 8",
        "JMSPriority > 7 AND JMSPriority < 3 | 8 | 2",
        "JMSPriority = -1 | -1 | -1",
        "JMSPriority > 0x3 | 4 | -",
        "JMSPriority < -9223372036854775808 | - | -2147483648",
        "JMSPriority > 9223372036854775807 | 2147483647 | -",
        "JMSPriority >= 10000000000 | 2147483647 | -",
        "JMSPriority BETWEEN 4 AND 5 AND JMSPriority <> 4 | 4 | 5"
    })
    void derived(String selector, Integer min, Integer max) throws Exception {
        assertEquals(Optional.of(new HeaderFilter(min, max)), filter(selector), selector);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a = 1", "JMSPriority <> 5", "JMSPriority = 5 OR a", "NOT JMSPriority = 5",
        "JMSPriority NOT BETWEEN 3 AND 7", "JMSPriority > 4.5", "JMSPriority + 1 > 5", "JMSPriority > a",
        "priority > 5", "jmsPriority > 5", "NOT (JMSPriority > 5 AND a)", "JMSPriority IS NOT NULL",
        "JMSPriority <= 9223372036854775807", "JMSPriority >= -10000000000"})
    void notDerived(String selector) throws Exception {
        assertEquals(Optional.empty(), filter(selector), selector);
    }

    /** A message whose priority is outside the range never matches; checked exhaustively on random selectors. */
    @Test
    void filterIsImpliedBySelector() throws Exception {
        Random random = new Random(20260101L);
        String[] ops = {"=", "<>", "<", "<=", ">", ">="};
        int[] priorities = {Integer.MIN_VALUE, -100, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, Integer.MAX_VALUE};
        int checked = 0;
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            int terms = 1 + random.nextInt(4);
            for (int t = 0; t < terms; t++) {
                if (t > 0) {
                    sb.append(random.nextInt(6) == 0 ? " OR " : " AND ");
                }
                int v = random.nextInt(14) - 2;
                switch (random.nextInt(5)) {
                    case 0 -> sb.append("JMSPriority BETWEEN ").append(v).append(" AND ").append(v + random.nextInt(5));
                    case 1 -> sb.append(v).append(' ').append(ops[random.nextInt(ops.length)]).append(" JMSPriority");
                    case 2 -> sb.append("a = ").append(random.nextInt(3));
                    default -> sb.append("JMSPriority ").append(ops[random.nextInt(ops.length)]).append(' ').append(v);
                }
            }
            Selector s = Selector.parse(sb.toString());
            if (s.headerFilter().isEmpty()) {
                continue;
            }
            HeaderFilter f = s.headerFilter().get();
            for (int p : priorities) {
                for (Object a : new Object[] {null, 0L, 1L, 2L}) {
                    TestMessage m = new TestMessage();
                    m.setJMSPriority(p);
                    if (a != null) {
                        m.with("a", a);
                    }
                    boolean inside = (f.minPriority() == null || p >= f.minPriority())
                            && (f.maxPriority() == null || p <= f.maxPriority());
                    if (!inside) {
                        assertTrue(!s.matches(m), () -> s.text() + " matched priority " + p + " outside " + f);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 1000, "too few checks: " + checked);
    }
}
