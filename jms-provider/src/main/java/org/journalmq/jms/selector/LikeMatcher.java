package org.journalmq.jms.selector;

/**
 * A compiled LIKE pattern (Jakarta Messaging 3.1, section 3.8.1.1): {@code '_'} stands for any single character,
 * {@code '%'} for any sequence of characters including the empty one, every other character for itself; the
 * optional escape character takes away the special meaning of the {@code '_'} or {@code '%'} that follows it.
 *
 * <p>Characters are Unicode code points, so {@code '_'} matches a supplementary character as a whole. Matching is
 * the classic wildcard algorithm that backtracks only to the most recent {@code '%'}: O(pattern × input) in the
 * worst case, never exponential, no regex engine involved.
 */
final class LikeMatcher {

    private static final int ANY_ONE = -1;
    private static final int ANY_SEQUENCE = -2;
    /** Pattern elements: a code point (&gt;= 0), {@link #ANY_ONE} or {@link #ANY_SEQUENCE}. */
    private final int[] elements;

    private LikeMatcher(int[] elements) {
        this.elements = elements;
    }

    /**
     * Compiles a pattern.
     *
     * @param escape the escape code point, or -1 for none
     * @throws IllegalArgumentException when the escape character is followed by anything but {@code '_'},
     *         {@code '%'} or itself, or ends the pattern (SQL92 8.5, general rule 3: "invalid escape sequence")
     */
    static LikeMatcher compile(String pattern, int escape) {
        int[] out = new int[pattern.length()];
        int n = 0;
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == escape) {
                if (i >= pattern.length()) {
                    throw new IllegalArgumentException("the LIKE pattern ends with the escape character");
                }
                int next = pattern.codePointAt(i);
                if (next != '_' && next != '%' && next != escape) {
                    throw new IllegalArgumentException(
                            "the escape character may only precede '_', '%' or itself in a LIKE pattern");
                }
                i += Character.charCount(next);
                out[n++] = next;
            } else if (cp == '_') {
                out[n++] = ANY_ONE;
            } else if (cp == '%') {
                if (n == 0 || out[n - 1] != ANY_SEQUENCE) {
                    out[n++] = ANY_SEQUENCE;
                }
            } else {
                out[n++] = cp;
            }
        }
        return new LikeMatcher(java.util.Arrays.copyOf(out, n));
    }

    boolean matches(String s) {
        int[] pat = elements;
        int p = 0;
        int i = 0;
        int starP = -1;
        int starI = -1;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (p < pat.length && (pat[p] == ANY_ONE || pat[p] == cp)) {
                p++;
                i += Character.charCount(cp);
            } else if (p < pat.length && pat[p] == ANY_SEQUENCE) {
                starP = p++;
                starI = i;
            } else if (starP >= 0) {
                p = starP + 1;
                starI += Character.charCount(s.codePointAt(starI));
                i = starI;
            } else {
                return false;
            }
        }
        while (p < pat.length && pat[p] == ANY_SEQUENCE) {
            p++;
        }
        return p == pat.length;
    }
}
