package org.journalmq.jms.selector;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The evaluator nodes a selector compiles to (Jakarta Messaging 3.1, section 3.8.1). */
final class Nodes {

    private Nodes() {
    }

    /** A string, exact (Long), approximate (Double) or boolean literal. */
    static final class Literal extends Node {
        final Object value;

        Literal(Object value, Type type, int pos) {
            super(type, pos);
            this.value = value;
        }

        @Override
        Object eval(Message message) {
            return value;
        }
    }

    /** Reads one header field; JMSException and runtime failures read as NULL. */
    @FunctionalInterface
    interface HeaderReader {
        Object read(Message m) throws JMSException;
    }

    /**
     * The header fields a selector may reference. Spec 3.8.1.1: "Message header field references are restricted
     * to JMSDeliveryMode, JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID, and JMSType. JMSMessageID,
     * JMSCorrelationID, and JMSType values may be null and if so are treated as a NULL value." and (3.8.1.3)
     * "When used in a message selector, the JMSDeliveryMode header field is treated as having the values
     * 'PERSISTENT' and 'NON_PERSISTENT'."
     */
    static final Map<String, HeaderReader> HEADERS = Map.of(
            "JMSDeliveryMode", m -> switch (m.getJMSDeliveryMode()) {
                case DeliveryMode.PERSISTENT -> "PERSISTENT";
                case DeliveryMode.NON_PERSISTENT -> "NON_PERSISTENT";
                default -> null;
            },
            "JMSPriority", m -> m.getJMSPriority(),
            "JMSMessageID", Message::getJMSMessageID,
            "JMSTimestamp", m -> m.getJMSTimestamp(),
            "JMSCorrelationID", Message::getJMSCorrelationID,
            "JMSType", Message::getJMSType);

    /**
     * An identifier: one of the six header fields above, otherwise a property reference.
     *
     * <p>Any other name, including one starting with "JMS" such as JMSExpiration or JMSDestination, is a property
     * reference: spec 3.8.1.1 says "Identifiers are either header field references or property references" and
     * restricts header field references to the six names, so any other identifier is not a header field reference.
     * A property that does not exist reads as NULL ("If a property that does not exist in a message is referenced,
     * its value is NULL").
     */
    static final class Ref extends Node {
        final String name;
        private final HeaderReader header;

        Ref(String name, int pos) {
            super(Type.ANY, pos);
            this.name = name;
            this.header = HEADERS.get(name);
        }

        boolean isHeader(String headerName) {
            return header != null && name.equals(headerName);
        }

        @Override
        Object eval(Message message) {
            try {
                return header != null ? header.read(message) : message.getObjectProperty(name);
            } catch (JMSException | RuntimeException e) {
                return null;
            }
        }
    }

    static final class Not extends Node {
        final Node operand;

        Not(Node operand, int pos) {
            super(Type.BOOLEAN, pos, operand);
            this.operand = operand;
        }

        @Override
        Object eval(Message message) {
            Object v = operand.eval(message);
            return v instanceof Boolean b ? !b : null;
        }
    }

    /** An n-ary AND (or OR): left to right, stopping at the first FALSE (TRUE); tables of spec 3.8.1.2. */
    static final class Junction extends Node {
        final boolean isAnd;
        final List<Node> operands;

        Junction(boolean isAnd, List<Node> operands, int pos) {
            super(Type.BOOLEAN, pos, operands.toArray(new Node[0]));
            this.isAnd = isAnd;
            this.operands = List.copyOf(operands);
        }

        @Override
        Object eval(Message message) {
            Boolean dominant = isAnd ? Boolean.FALSE : Boolean.TRUE;
            boolean unknown = false;
            for (Node n : operands) {
                Object v = n.eval(message);
                if (dominant.equals(v)) {
                    return dominant;
                }
                if (!(v instanceof Boolean)) {
                    unknown = true;
                }
            }
            return unknown ? null : !dominant;
        }
    }

    static final class Compare extends Node {
        final Values.Op op;
        final Node left;
        final Node right;

        Compare(Values.Op op, Node left, Node right, int pos) {
            super(Type.BOOLEAN, pos, left, right);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Message message) {
            return Values.compare(op, left.eval(message), right.eval(message));
        }
    }

    static final class Arithmetic extends Node {
        private final Values.Op op;
        private final Node left;
        private final Node right;

        Arithmetic(Values.Op op, Node left, Node right, int pos) {
            super(Type.NUMERIC, pos, left, right);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Message message) {
            return Values.arithmetic(op, left.eval(message), right.eval(message));
        }
    }

    static final class Sign extends Node {
        private final boolean negate;
        private final Node operand;

        Sign(boolean negate, Node operand, int pos) {
            super(Type.NUMERIC, pos, operand);
            this.negate = negate;
            this.operand = operand;
        }

        @Override
        Object eval(Message message) {
            return Values.unary(negate, operand.eval(message));
        }
    }

    /**
     * Spec: "age BETWEEN 15 AND 19" is equivalent to "age &gt;= 15 AND age &lt;= 19", and "age NOT BETWEEN 15 AND
     * 19" is equivalent to "age &lt; 15 OR age &gt; 19"; evaluated exactly so (each operand once).
     */
    static final class Between extends Node {
        final boolean negated;
        final Node value;
        final Node low;
        final Node high;

        Between(boolean negated, Node value, Node low, Node high, int pos) {
            super(Type.BOOLEAN, pos, value, low, high);
            this.negated = negated;
            this.value = value;
            this.low = low;
            this.high = high;
        }

        @Override
        Object eval(Message message) {
            Object v = value.eval(message);
            Object lo = low.eval(message);
            Object hi = high.eval(message);
            return negated
                    ? Values.or(Values.compare(Values.Op.LT, v, lo), Values.compare(Values.Op.GT, v, hi))
                    : Values.and(Values.compare(Values.Op.GE, v, lo), Values.compare(Values.Op.LE, v, hi));
        }
    }

    /**
     * [NOT] IN: "comparison operator where identifier has a String or NULL value"; "If identifier of an IN or NOT
     * IN operation is NULL, the value of the operation is unknown." A value of another type is outside the
     * operator's domain and gives unknown too, so that neither IN nor NOT IN matches it.
     */
    static final class In extends Node {
        private final boolean negated;
        private final Node value;
        private final Set<String> set;

        In(boolean negated, Node value, Set<String> set, int pos) {
            super(Type.BOOLEAN, pos, value);
            this.negated = negated;
            this.value = value;
            this.set = Set.copyOf(set);
        }

        @Override
        Object eval(Message message) {
            return value.eval(message) instanceof String s ? set.contains(s) != negated : null;
        }
    }

    /** [NOT] LIKE; NULL or a non-string value gives unknown, as for IN. */
    static final class Like extends Node {
        private final boolean negated;
        private final Node value;
        private final LikeMatcher matcher;

        Like(boolean negated, Node value, LikeMatcher matcher, int pos) {
            super(Type.BOOLEAN, pos, value);
            this.negated = negated;
            this.value = value;
            this.matcher = matcher;
        }

        @Override
        Object eval(Message message) {
            return value.eval(message) instanceof String s ? matcher.matches(s) != negated : null;
        }
    }

    /** IS [NOT] NULL: turns unknown into TRUE / FALSE. */
    static final class IsNull extends Node {
        private final boolean negated;
        private final Node value;

        IsNull(boolean negated, Node value, int pos) {
            super(Type.BOOLEAN, pos, value);
            this.negated = negated;
            this.value = value;
        }

        @Override
        Object eval(Message message) {
            return (value.eval(message) == null) != negated;
        }
    }
}
