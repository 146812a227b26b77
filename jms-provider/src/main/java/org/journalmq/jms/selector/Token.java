package org.journalmq.jms.selector;

/** One lexical token of a selector; {@code pos} is the 0-based index of its first character. */
record Token(Kind kind, int pos, String text, Object value) {

    enum Kind {
        IDENT, STRING, EXACT,
        /** The exact literal 9223372036854775808, legal only as the operand of unary minus. */
        EXACT_2P63,
        APPROX,
        NOT, AND, OR, BETWEEN, LIKE, IN, IS, NULL, TRUE, FALSE, ESCAPE,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, LPAREN, RPAREN, COMMA, EOF
    }

    /** A short description for error messages. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of input";
            case IDENT -> "identifier " + text;
            case STRING -> "string literal " + text;
            case EXACT, EXACT_2P63, APPROX -> "number " + text;
            case NOT, AND, OR, BETWEEN, LIKE, IN, IS, NULL, TRUE, FALSE, ESCAPE -> "keyword " + kind;
            default -> "'" + text + "'";
        };
    }
}
