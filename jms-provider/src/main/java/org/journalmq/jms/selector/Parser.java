package org.journalmq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.journalmq.jms.selector.Node.Type;
import org.journalmq.jms.selector.Token.Kind;

/**
 * Recursive-descent parser for the selector grammar of Jakarta Messaging 3.1, section 3.8.1.1, compiling straight to
 * evaluator {@link Node}s.
 *
 * <p>Hand-written rather than generated: the grammar is a dozen rules; a hand parser reports the exact column and
 * the expected construct in every error message; and it needs no parser-generator dependency or build plugin. It
 * looks ahead one token and never backtracks, so parsing is linear in the input.
 *
 * <pre>
 * selector   := or EOF                                  (must be a conditional expression)
 * or         := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | predicate
 * predicate  := sum [ (= | &lt;&gt;) sum | (&lt; | &lt;= | &gt; | &gt;=) sum
 *                   | [NOT] BETWEEN sum AND sum
 *                   | [NOT] IN ( string {, string} )   (left operand an identifier)
 *                   | [NOT] LIKE string [ESCAPE string] (left operand an identifier)
 *                   | IS [NOT] NULL ]                   (left operand an identifier)
 * sum        := product ((+ | -) product)*
 * product    := unary ((* | /) unary)*
 * unary      := (+ | -) unary | primary
 * primary    := literal | identifier | ( or )
 * </pre>
 *
 * <p>Type checks that literals make certain are done here ("Jakarta Messaging providers may also optionally provide
 * some semantic checking at the time the selector is presented"): for example {@code TRUE = 0},
 * {@code 'foo' > TRUE}, {@code myProp > 'foo'}, {@code a BETWEEN 'x' AND 'y'} and {@code NOT 5} are rejected.
 * Identifiers are untyped until evaluation.
 *
 * <p>Nesting (parentheses, NOT, unary signs) is limited to {@value #MAX_NESTING} levels and the tree height to
 * {@value #MAX_HEIGHT}, so that neither parsing nor evaluation can overflow the stack; AND and OR chains are n-ary
 * and do not count towards the height.
 */
final class Parser {

    static final int MAX_NESTING = 200;
    static final int MAX_HEIGHT = 1000;
    private static final int MAX_QUOTED = 200;

    private final String src;
    private final Lexer lexer;
    private Token current;
    private int nesting;

    private Parser(String src) throws InvalidSelectorException {
        this.src = src;
        this.lexer = new Lexer(src);
        this.current = lexer.next();
    }

    static Node parse(String src) throws InvalidSelectorException {
        return new Parser(src).selector();
    }

    /** The exception for a problem at 0-based index {@code pos}: the message names the 1-based column. */
    static InvalidSelectorException error(String src, int pos, String problem) {
        String quoted = src.length() <= MAX_QUOTED ? src : src.substring(0, MAX_QUOTED) + "...";
        return new InvalidSelectorException(
                "invalid selector \"" + quoted + "\" at column " + (pos + 1) + ": " + problem);
    }

    private InvalidSelectorException error(int pos, String problem) {
        return error(src, pos, problem);
    }

    private Token peek() {
        return current;
    }

    private Token next() throws InvalidSelectorException {
        Token t = current;
        if (t.kind() != Kind.EOF) {
            current = lexer.next();
        }
        return t;
    }

    private boolean accept(Kind kind) throws InvalidSelectorException {
        if (peek().kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    private Token expect(Kind kind, String what) throws InvalidSelectorException {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(t.pos(), "expected " + what + ", found " + t.describe());
        }
        return next();
    }

    private void enter(Token t) throws InvalidSelectorException {
        if (++nesting > MAX_NESTING) {
            throw error(t.pos(), "expression nested too deeply (more than " + MAX_NESTING + " levels)");
        }
    }

    private Node checkHeight(Node n) throws InvalidSelectorException {
        if (n.height > MAX_HEIGHT) {
            throw error(n.pos, "expression too complex (tree height over " + MAX_HEIGHT + ")");
        }
        return n;
    }

    private Node selector() throws InvalidSelectorException {
        Node n = or();
        Token t = peek();
        if (t.kind() != Kind.EOF) {
            throw error(t.pos(), "expected AND, OR or end of input, found " + t.describe());
        }
        if (!n.isConditional()) {
            throw error(n.pos, "a selector must be a conditional expression, found " + n.type.description
                    + " expression");
        }
        return n;
    }

    private Node or() throws InvalidSelectorException {
        return junction(false);
    }

    private Node junction(boolean isAnd) throws InvalidSelectorException {
        Kind op = isAnd ? Kind.AND : Kind.OR;
        Node first = isAnd ? not() : junction(true);
        if (peek().kind() != op) {
            return first;
        }
        List<Node> operands = new ArrayList<>();
        operands.add(requireConditional(first, op));
        while (accept(op)) {
            operands.add(requireConditional(isAnd ? not() : junction(true), op));
        }
        return checkHeight(new Nodes.Junction(isAnd, operands, first.pos));
    }

    private Node requireConditional(Node n, Kind operator) throws InvalidSelectorException {
        if (!n.isConditional()) {
            throw error(n.pos, "the operand of " + operator + " must be a conditional expression, found "
                    + n.type.description + " expression");
        }
        return n;
    }

    private Node not() throws InvalidSelectorException {
        Token t = peek();
        if (t.kind() != Kind.NOT) {
            return predicate();
        }
        next();
        enter(t);
        Node operand = requireConditional(not(), Kind.NOT);
        nesting--;
        return checkHeight(new Nodes.Not(operand, t.pos()));
    }

    private Node predicate() throws InvalidSelectorException {
        Node left = sum();
        Token t = peek();
        switch (t.kind()) {
            case EQ, NE -> {
                next();
                Node right = sum();
                if (left.type != Type.ANY && right.type != Type.ANY && left.type != right.type) {
                    throw error(right.pos, "cannot compare " + left.type.description + " expression with "
                            + right.type.description + " expression");
                }
                return checkHeight(new Nodes.Compare(t.kind() == Kind.EQ ? Values.Op.EQ : Values.Op.NE,
                        left, right, left.pos));
            }
            case LT, LE, GT, GE -> {
                next();
                requireArithmetic(left, t);
                Node right = requireArithmetic(sum(), t);
                Values.Op op = switch (t.kind()) {
                    case LT -> Values.Op.LT;
                    case LE -> Values.Op.LE;
                    case GT -> Values.Op.GT;
                    default -> Values.Op.GE;
                };
                return checkHeight(new Nodes.Compare(op, left, right, left.pos));
            }
            case NOT -> {
                next();
                Token k = peek();
                if (k.kind() != Kind.BETWEEN && k.kind() != Kind.IN && k.kind() != Kind.LIKE) {
                    throw error(k.pos(), "expected BETWEEN, IN or LIKE after NOT, found " + k.describe());
                }
                return negatable(left, true);
            }
            case BETWEEN, IN, LIKE -> {
                return negatable(left, false);
            }
            case IS -> {
                next();
                boolean negated = accept(Kind.NOT);
                expect(Kind.NULL, negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS");
                requireIdentifier(left, negated ? "IS NOT NULL" : "IS NULL");
                return new Nodes.IsNull(negated, left, left.pos);
            }
            default -> {
                return left;
            }
        }
    }

    private Node negatable(Node left, boolean negated) throws InvalidSelectorException {
        Token k = next();
        String name = (negated ? "NOT " : "") + k.kind();
        switch (k.kind()) {
            case BETWEEN -> {
                requireArithmetic(left, k);
                Node low = requireArithmetic(sum(), k);
                expect(Kind.AND, "AND in " + name);
                Node high = requireArithmetic(sum(), k);
                return checkHeight(new Nodes.Between(negated, left, low, high, left.pos));
            }
            case IN -> {
                requireIdentifier(left, name);
                expect(Kind.LPAREN, "'(' after " + name);
                Set<String> values = new LinkedHashSet<>();
                do {
                    values.add((String) expect(Kind.STRING, "a string literal in the " + name + " list").value());
                } while (accept(Kind.COMMA));
                expect(Kind.RPAREN, "',' or ')' in the " + name + " list");
                return new Nodes.In(negated, left, values, left.pos);
            }
            default -> {
                requireIdentifier(left, name);
                Token pattern = expect(Kind.STRING, "a string literal pattern after " + name);
                int escape = -1;
                if (accept(Kind.ESCAPE)) {
                    Token e = expect(Kind.STRING, "a string literal after ESCAPE");
                    String s = (String) e.value();
                    if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
                        throw error(e.pos(), "the ESCAPE string literal must be exactly one character");
                    }
                    escape = s.codePointAt(0);
                }
                try {
                    LikeMatcher m = LikeMatcher.compile((String) pattern.value(), escape);
                    return new Nodes.Like(negated, left, m, left.pos);
                } catch (IllegalArgumentException ex) {
                    throw error(pattern.pos(), ex.getMessage());
                }
            }
        }
    }

    private void requireIdentifier(Node n, String operator) throws InvalidSelectorException {
        if (!(n instanceof Nodes.Ref)) {
            throw error(n.pos, "the left operand of " + operator + " must be an identifier, found "
                    + n.type.description + " expression");
        }
    }

    private Node requireArithmetic(Node n, Token operator) throws InvalidSelectorException {
        if (!n.isArithmetic()) {
            throw error(n.pos, "the operand of " + operator.text().toUpperCase(java.util.Locale.ROOT)
                    + " must be an arithmetic expression, found " + n.type.description + " expression");
        }
        return n;
    }

    private Node sum() throws InvalidSelectorException {
        Node left = product();
        while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
            Token t = next();
            requireArithmetic(left, t);
            Node right = requireArithmetic(product(), t);
            left = checkHeight(new Nodes.Arithmetic(t.kind() == Kind.PLUS ? Values.Op.ADD : Values.Op.SUB,
                    left, right, left.pos));
        }
        return left;
    }

    private Node product() throws InvalidSelectorException {
        Node left = unary();
        while (peek().kind() == Kind.STAR || peek().kind() == Kind.SLASH) {
            Token t = next();
            requireArithmetic(left, t);
            Node right = requireArithmetic(unary(), t);
            left = checkHeight(new Nodes.Arithmetic(t.kind() == Kind.STAR ? Values.Op.MUL : Values.Op.DIV,
                    left, right, left.pos));
        }
        return left;
    }

    private Node unary() throws InvalidSelectorException {
        Token t = peek();
        if (t.kind() != Kind.PLUS && t.kind() != Kind.MINUS) {
            return primary();
        }
        next();
        boolean negate = t.kind() == Kind.MINUS;
        Token lit = peek();
        // A sign directly before a numeric literal is folded into the literal: -957, +62, and the one way to
        // write Long.MIN_VALUE, -9223372036854775808 (as in Java).
        if (lit.kind() == Kind.EXACT || lit.kind() == Kind.EXACT_2P63) {
            next();
            long v = (Long) lit.value();
            return new Nodes.Literal(negate ? -v : v, Type.NUMERIC, t.pos());
        }
        if (lit.kind() == Kind.APPROX) {
            next();
            double v = (Double) lit.value();
            return new Nodes.Literal(negate ? -v : v, Type.NUMERIC, t.pos());
        }
        enter(t);
        Node operand = requireArithmetic(unary(), t);
        nesting--;
        return checkHeight(new Nodes.Sign(negate, operand, t.pos()));
    }

    private Node primary() throws InvalidSelectorException {
        Token t = next();
        switch (t.kind()) {
            case STRING:
                return new Nodes.Literal(t.value(), Type.STRING, t.pos());
            case EXACT:
            case APPROX:
                return new Nodes.Literal(t.value(), Type.NUMERIC, t.pos());
            case EXACT_2P63:
                throw error(t.pos(), "exact numeric literal " + t.text() + " is out of the range of long");
            case TRUE:
            case FALSE:
                return new Nodes.Literal(t.kind() == Kind.TRUE, Type.BOOLEAN, t.pos());
            case IDENT:
                return new Nodes.Ref(t.text(), t.pos());
            case LPAREN: {
                enter(t);
                Node inner = or();
                expect(Kind.RPAREN, "')'");
                nesting--;
                return inner;
            }
            case NULL:
                throw error(t.pos(), "NULL may only be used in IS NULL or IS NOT NULL");
            default:
                throw error(t.pos(), "expected an expression, found " + t.describe());
        }
    }
}
