package org.journalmq.jms.selector;

import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Message;
import java.util.Optional;

/**
 * A compiled message selector (Jakarta Messaging 3.1, section 3.8.1, "Message selection").
 *
 * <p>{@link #parse} checks the syntax once and compiles the selector to a tree of evaluator nodes; {@link #matches}
 * then evaluates it against a message's header fields and properties with SQL92 three-valued logic: the message is
 * selected only when the selector evaluates to TRUE ("a selector that evaluates to false or unknown does not
 * match"). Instances are immutable and thread-safe.
 *
 * <p>Decisions where the spec leaves room are documented on the classes that implement them: {@link Lexer}
 * (literal syntax), {@link Parser} (grammar, static type checks, limits), {@link Values} (comparison, arithmetic,
 * promotion, division by zero), {@link Nodes} (identifiers, IN / LIKE on non-strings), {@link LikeMatcher}
 * (escapes) and {@link HeaderFilters} (SQL push-down).
 */
public final class Selector {

    /** The selector that matches every message: what a null or blank selector means. */
    public static final Selector ALWAYS = new Selector("", null, Optional.empty());

    private final String text;
    private final Node root;
    private final Optional<HeaderFilter> headerFilter;

    private Selector(String text, Node root, Optional<HeaderFilter> headerFilter) {
        this.text = text;
        this.root = root;
        this.headerFilter = headerFilter;
    }

    /**
     * Parses once; null or blank (only white space) selector → returns {@link #ALWAYS} (matches everything).
     * Spec: "If the value of a message selector is an empty string, the value is treated as a null and indicates
     * that there is no message selector for the message consumer."
     *
     * @throws InvalidSelectorException when the selector is malformed; the message names the 1-based column and
     *         the problem. Nothing else is thrown.
     */
    public static Selector parse(String selector) throws InvalidSelectorException {
        if (selector == null || Lexer.isBlank(selector)) {
            return ALWAYS;
        }
        try {
            Node root = Parser.parse(selector);
            return new Selector(selector, root, HeaderFilters.derive(root));
        } catch (RuntimeException | StackOverflowError e) {
            // Not expected: the parser bounds its recursion. Kept so that nothing but InvalidSelectorException escapes.
            throw Parser.error(selector, 0, "selector could not be compiled (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The selector text as given to {@link #parse}; empty for {@link #ALWAYS}. */
    public String text() {
        return text;
    }

    /** True only when the selector evaluates to TRUE (FALSE and UNKNOWN → false). Never throws. */
    public boolean matches(Message message) {
        return evaluate(message) == Tristate.TRUE;
    }

    /** Three-valued result, for tests and for callers that need UNKNOWN. Never throws. */
    public Tristate evaluate(Message message) {
        if (root == null) {
            return Tristate.TRUE;
        }
        try {
            return Tristate.of(root.eval(message));
        } catch (RuntimeException | StackOverflowError e) {
            return Tristate.UNKNOWN;
        }
    }

    /**
     * The header-only part for SQL push-down: a JMSPriority range implied by the selector, derived only from a
     * top-level AND chain of comparisons of JMSPriority with exact literals; empty otherwise.
     */
    public Optional<HeaderFilter> headerFilter() {
        return headerFilter;
    }

    @Override
    public String toString() {
        return root == null ? "Selector.ALWAYS" : "Selector[" + text + "]";
    }
}
