package org.journalmq.jms.selector;

import jakarta.jms.Message;

/**
 * A compiled selector expression. {@link #eval} returns the value of the expression for a message: {@code null}
 * for NULL / unknown, a {@link Boolean} for TRUE / FALSE, or a String or number. It never throws.
 */
abstract class Node {

    /** Static type, known at parse time; identifiers are {@link #ANY} because property types are not. */
    enum Type {
        BOOLEAN("a conditional"), NUMERIC("an arithmetic"), STRING("a string"), ANY("an identifier");

        /** For error messages, with the article: "an arithmetic" (expression). */
        final String description;

        Type(String description) {
            this.description = description;
        }
    }

    final Type type;
    /** 0-based index of the first character of this expression in the selector text. */
    final int pos;
    /** Height of the tree below this node; bounded by the parser so that evaluation cannot overflow the stack. */
    final int height;

    Node(Type type, int pos, Node... children) {
        this.type = type;
        this.pos = pos;
        int h = 0;
        for (Node c : children) {
            h = Math.max(h, c.height);
        }
        this.height = h + 1;
    }

    abstract Object eval(Message message);

    boolean isConditional() {
        return type == Type.BOOLEAN || type == Type.ANY;
    }

    boolean isArithmetic() {
        return type == Type.NUMERIC || type == Type.ANY;
    }
}
