package org.journalmq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.journalmq.jms.selector.Token.Kind;

/**
 * Splits a selector into tokens (Jakarta Messaging 3.1, section 3.8.1.1).
 *
 * <ul>
 *   <li>White space is that of the Java language: space, tab, form feed and line terminators.</li>
 *   <li>Identifiers start with a character for which {@link Character#isJavaIdentifierStart(int)} holds and go
 *       on with characters for which {@link Character#isJavaIdentifierPart(int)} holds (the spec names the older
 *       equivalents isJavaLetter / isJavaLetterOrDigit). The keywords are
 *       recognised case-insensitively (ASCII only, so no locale can turn an identifier into a keyword).</li>
 *   <li>String literals are in single quotes, a quote inside doubled.</li>
 *   <li>Numbers follow the Java literal syntax: "Exact numeric literals use the integer literal syntax of the Java
 *       programming language" (decimal, hex, octal, binary, underscores, optional {@code L}) and "Approximate
 *       literals use the floating-point literal syntax of the Java programming language" (including hex floats and
 *       the {@code f}/{@code d} suffixes). As in Java, the longest literal wins: {@code 1.5} is one approximate
 *       literal, {@code 0x1d} one exact literal; a literal directly followed by a digit or {@code _} (such as
 *       {@code 08} or {@code 1_}) is malformed.</li>
 *   <li>Every exact literal is a {@code long} ("numbers in the range of long are supported"), read as if it had
 *       the {@code L} suffix: {@code 0xFFFFFFFF} is 4294967295 (not the Java int -1), {@code 0xFFFFFFFFFFFFFFFF}
 *       is -1. The decimal 9223372036854775808 is accepted only directly after a unary minus, as in Java.
 *       Approximate literals are doubles (a literal with the {@code f} suffix takes its float value); one that
 *       overflows to infinity or rounds a non-zero value to zero is rejected, as javac does.</li>
 * </ul>
 * Tokens are produced on demand, in one linear pass; a parse error stops the scan where it occurs.
 */
final class Lexer {

    private static final String DIGITS = "[0-9](?:[0-9_]*[0-9])?";
    private static final String HEX_DIGITS = "[0-9a-fA-F](?:[0-9a-fA-F_]*[0-9a-fA-F])?";
    private static final Pattern INTEGER = Pattern.compile(
            "(?:0[xX]" + HEX_DIGITS + "|0[bB][01](?:[01_]*[01])?|0[0-7_]*[0-7]|0|[1-9](?:[0-9_]*[0-9])?)[lL]?");
    private static final String EXPONENT = "[eE][+-]?" + DIGITS;
    private static final String SUFFIX = "[fFdD]";
    private static final Pattern FLOATING = Pattern.compile(
            "0[xX](?:" + HEX_DIGITS + "\\.?|(?:" + HEX_DIGITS + ")?\\." + HEX_DIGITS + ")[pP][+-]?" + DIGITS
                    + SUFFIX + "?"
                    + "|" + DIGITS + "\\.(?:" + DIGITS + ")?(?:" + EXPONENT + ")?" + SUFFIX + "?"
                    + "|\\." + DIGITS + "(?:" + EXPONENT + ")?" + SUFFIX + "?"
                    + "|" + DIGITS + EXPONENT + SUFFIX + "?"
                    + "|" + DIGITS + SUFFIX);
    private static final BigInteger TWO_POW_63 = BigInteger.ONE.shiftLeft(63);

    private final String src;
    private final Matcher integer;
    private final Matcher floating;
    private int pos;

    Lexer(String src) {
        this.src = src;
        this.integer = INTEGER.matcher(src);
        this.floating = FLOATING.matcher(src);
    }

    /** White space as defined for the Java language (JLS 3.6), which the spec adopts. */
    static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r';
    }

    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isWhite(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The next token; {@link Kind#EOF} at the end, and again on every later call. */
    Token next() throws InvalidSelectorException {
        while (pos < src.length() && isWhite(src.charAt(pos))) {
            pos++;
        }
        if (pos >= src.length()) {
            return new Token(Kind.EOF, src.length(), "", null);
        }
        char c = src.charAt(pos);
        if (c == '\'') {
            return string();
        }
        if ((c >= '0' && c <= '9')
                || (c == '.' && pos + 1 < src.length() && src.charAt(pos + 1) >= '0' && src.charAt(pos + 1) <= '9')) {
            return number();
        }
        int cp = src.codePointAt(pos);
        if (Character.isJavaIdentifierStart(cp)) {
            return identifier();
        }
        int start = pos;
        switch (c) {
            case '=': pos++; return new Token(Kind.EQ, start, "=", null);
            case '+': pos++; return new Token(Kind.PLUS, start, "+", null);
            case '-': pos++; return new Token(Kind.MINUS, start, "-", null);
            case '*': pos++; return new Token(Kind.STAR, start, "*", null);
            case '/': pos++; return new Token(Kind.SLASH, start, "/", null);
            case '(': pos++; return new Token(Kind.LPAREN, start, "(", null);
            case ')': pos++; return new Token(Kind.RPAREN, start, ")", null);
            case ',': pos++; return new Token(Kind.COMMA, start, ",", null);
            case '<':
                pos++;
                if (pos < src.length() && src.charAt(pos) == '=') {
                    pos++;
                    return new Token(Kind.LE, start, "<=", null);
                }
                if (pos < src.length() && src.charAt(pos) == '>') {
                    pos++;
                    return new Token(Kind.NE, start, "<>", null);
                }
                return new Token(Kind.LT, start, "<", null);
            case '>':
                pos++;
                if (pos < src.length() && src.charAt(pos) == '=') {
                    pos++;
                    return new Token(Kind.GE, start, ">=", null);
                }
                return new Token(Kind.GT, start, ">", null);
            default:
                String shown = cp >= 0x20 && cp != 0x7f && !Character.isISOControl(cp)
                        ? "'" + new String(Character.toChars(cp)) + "'"
                        : String.format(Locale.ROOT, "U+%04X", cp);
                String hint = c == '!' ? " (use <> for 'not equal')" : c == '"' ? " (string literals use single quotes)" : "";
                throw Parser.error(src, start, "unexpected character " + shown + hint);
        }
    }

    private Token string() throws InvalidSelectorException {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        int i = pos + 1;
        while (true) {
            int q = src.indexOf('\'', i);
            if (q < 0) {
                throw Parser.error(src, start, "unterminated string literal");
            }
            sb.append(src, i, q);
            if (q + 1 < src.length() && src.charAt(q + 1) == '\'') {
                sb.append('\'');
                i = q + 2;
            } else {
                pos = q + 1;
                return new Token(Kind.STRING, start, src.substring(start, pos), sb.toString());
            }
        }
    }

    private Token identifier() {
        int start = pos;
        pos += Character.charCount(src.codePointAt(pos));
        while (pos < src.length()) {
            int cp = src.codePointAt(pos);
            if (!Character.isJavaIdentifierPart(cp)) {
                break;
            }
            pos += Character.charCount(cp);
        }
        String word = src.substring(start, pos);
        Kind keyword = keyword(word);
        return new Token(keyword == null ? Kind.IDENT : keyword, start, word, null);
    }

    private static Kind keyword(String word) {
        if (word.length() < 2 || word.length() > 7) {
            return null;
        }
        StringBuilder upper = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'a' && c <= 'z') {
                upper.append((char) (c - 'a' + 'A'));
            } else if (c >= 'A' && c <= 'Z') {
                upper.append(c);
            } else {
                return null;
            }
        }
        return switch (upper.toString()) {
            case "NOT" -> Kind.NOT;
            case "AND" -> Kind.AND;
            case "OR" -> Kind.OR;
            case "BETWEEN" -> Kind.BETWEEN;
            case "LIKE" -> Kind.LIKE;
            case "IN" -> Kind.IN;
            case "IS" -> Kind.IS;
            case "NULL" -> Kind.NULL;
            case "TRUE" -> Kind.TRUE;
            case "FALSE" -> Kind.FALSE;
            case "ESCAPE" -> Kind.ESCAPE;
            default -> null;
        };
    }

    private Token number() throws InvalidSelectorException {
        int start = pos;
        integer.region(start, src.length());
        floating.region(start, src.length());
        int intEnd = integer.lookingAt() ? integer.end() : -1;
        int floatEnd = floating.lookingAt() ? floating.end() : -1;
        if (intEnd < 0 && floatEnd < 0) {
            throw Parser.error(src, start, "malformed numeric literal");
        }
        int end = Math.max(intEnd, floatEnd);
        if (end < src.length() && ((src.charAt(end) >= '0' && src.charAt(end) <= '9') || src.charAt(end) == '_')) {
            // e.g. 08 (not octal), 1_ (trailing underscore): Java rejects these too
            throw Parser.error(src, start, "malformed numeric literal");
        }
        if (floatEnd > intEnd) {
            pos = floatEnd;
            String text = src.substring(start, pos);
            return new Token(Kind.APPROX, start, text, approximate(text, start));
        }
        pos = intEnd;
        String text = src.substring(start, pos);
        return exact(text, start);
    }

    private Token exact(String text, int start) throws InvalidSelectorException {
        String s = text.replace("_", "");
        if (s.endsWith("l") || s.endsWith("L")) {
            s = s.substring(0, s.length() - 1);
        }
        int radix = 10;
        if (s.length() > 1 && s.charAt(0) == '0') {
            char p = s.charAt(1);
            if (p == 'x' || p == 'X') {
                radix = 16;
                s = s.substring(2);
            } else if (p == 'b' || p == 'B') {
                radix = 2;
                s = s.substring(2);
            } else {
                radix = 8;
                s = s.substring(1);
            }
        }
        int firstNonZero = 0;
        while (firstNonZero < s.length() - 1 && s.charAt(firstNonZero) == '0') {
            firstNonZero++;
        }
        s = s.substring(firstNonZero);
        if (s.length() > 70) {
            throw Parser.error(src, start, "exact numeric literal " + text + " is out of the range of long");
        }
        BigInteger v = new BigInteger(s, radix);
        if (radix == 10) {
            if (v.equals(TWO_POW_63)) {
                return new Token(Kind.EXACT_2P63, start, text, Long.MIN_VALUE);
            }
            if (v.bitLength() > 63) {
                throw Parser.error(src, start, "exact numeric literal " + text + " is out of the range of long");
            }
        } else if (v.bitLength() > 64) {
            throw Parser.error(src, start, "exact numeric literal " + text + " does not fit in 64 bits");
        }
        // Hex, octal and binary literals take the 64-bit two's-complement value, as Java's long literals do.
        return new Token(Kind.EXACT, start, text, v.longValue());
    }

    private Double approximate(String text, int start) throws InvalidSelectorException {
        String s = text.replace("_", "");
        char last = s.charAt(s.length() - 1);
        boolean isFloat = last == 'f' || last == 'F';
        double value = isFloat ? Float.parseFloat(s) : Double.parseDouble(s);
        if (Double.isInfinite(value)) {
            throw Parser.error(src, start, "approximate numeric literal " + text + " is out of the range of "
                    + (isFloat ? "float" : "double"));
        }
        if (value == 0.0 && hasNonZeroMantissa(s)) {
            throw Parser.error(src, start, "approximate numeric literal " + text + " is too small (rounds to zero)");
        }
        return value;
    }

    private static boolean hasNonZeroMantissa(String s) {
        boolean hex = s.length() > 1 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X');
        for (int i = hex ? 2 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (hex ? (c == 'p' || c == 'P') : (c == 'e' || c == 'E' || c == 'f' || c == 'F' || c == 'd' || c == 'D')) {
                return false;
            }
            if (c != '0' && c != '.') {
                return true;
            }
        }
        return false;
    }
}
