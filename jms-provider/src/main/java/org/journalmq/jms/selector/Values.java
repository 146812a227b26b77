package org.journalmq.jms.selector;

/**
 * Runtime value rules of Jakarta Messaging 3.1, section 3.8.1.1: comparison, arithmetic and numeric promotion.
 *
 * <p>Values are {@code null} (NULL / unknown), {@link Boolean}, {@link String} or one of the numeric property
 * types {@code Byte, Short, Integer, Long, Float, Double}. Arithmetic and comparison "must use numeric promotion in
 * the Java programming language": byte and short widen to int; then the wider of int, long, float, double is used,
 * with Java's primitive semantics (int and long overflow wrap around, {@code NaN} compares unequal to everything).
 */
final class Values {

    static final int NOT_NUMERIC = -1;
    private static final int INT = 0;
    private static final int LONG = 1;
    private static final int FLOAT = 2;
    private static final int DOUBLE = 3;

    enum Op { EQ, NE, LT, LE, GT, GE, ADD, SUB, MUL, DIV }

    private Values() {
    }

    /** The promotion rank of a numeric value, or {@link #NOT_NUMERIC}. */
    static int rank(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return INT;
        }
        if (v instanceof Long) {
            return LONG;
        }
        if (v instanceof Float) {
            return FLOAT;
        }
        if (v instanceof Double) {
            return DOUBLE;
        }
        return NOT_NUMERIC;
    }

    /**
     * Evaluates a comparison; returns TRUE, FALSE or {@code null} (unknown).
     *
     * <p>Spec: "If either of the type values evaluates to NULL, the value of the expression is unknown." and
     * "If the comparison of non-like type values is attempted, the value of the operation is false." A string or
     * boolean compared with an ordering operator is also FALSE ("String and boolean comparison is restricted to =
     * and &lt;&gt;"); with literal operands such a comparison is already rejected by the parser.
     */
    static Boolean compare(Op op, Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != NOT_NUMERIC && rb != NOT_NUMERIC) {
            return numericCompare(op, (Number) a, (Number) b, Math.max(ra, rb));
        }
        if (op == Op.EQ || op == Op.NE) {
            if ((a instanceof String && b instanceof String) || (a instanceof Boolean && b instanceof Boolean)) {
                return a.equals(b) == (op == Op.EQ);
            }
        }
        return Boolean.FALSE;
    }

    private static Boolean numericCompare(Op op, Number a, Number b, int rank) {
        switch (rank) {
            case INT, LONG -> {
                long x = a.longValue();
                long y = b.longValue();
                return switch (op) {
                    case EQ -> x == y;
                    case NE -> x != y;
                    case LT -> x < y;
                    case LE -> x <= y;
                    case GT -> x > y;
                    default -> x >= y;
                };
            }
            case FLOAT -> {
                float x = a.floatValue();
                float y = b.floatValue();
                return switch (op) {
                    case EQ -> x == y;
                    case NE -> x != y;
                    case LT -> x < y;
                    case LE -> x <= y;
                    case GT -> x > y;
                    default -> x >= y;
                };
            }
            default -> {
                double x = a.doubleValue();
                double y = b.doubleValue();
                return switch (op) {
                    case EQ -> x == y;
                    case NE -> x != y;
                    case LT -> x < y;
                    case LE -> x <= y;
                    case GT -> x > y;
                    default -> x >= y;
                };
            }
        }
    }

    /**
     * Binary arithmetic; {@code null} (unknown) when an operand is NULL or not a number, and for integer division by
     * zero (where Java would throw; the spec does not define it, and unknown keeps the selector from matching).
     */
    static Object arithmetic(Op op, Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra == NOT_NUMERIC || rb == NOT_NUMERIC) {
            return null;
        }
        Number x = (Number) a;
        Number y = (Number) b;
        switch (Math.max(ra, rb)) {
            case INT -> {
                int i = x.intValue();
                int j = y.intValue();
                return switch (op) {
                    case ADD -> i + j;
                    case SUB -> i - j;
                    case MUL -> i * j;
                    default -> j == 0 ? null : (Object) (i / j);
                };
            }
            case LONG -> {
                long i = x.longValue();
                long j = y.longValue();
                return switch (op) {
                    case ADD -> i + j;
                    case SUB -> i - j;
                    case MUL -> i * j;
                    default -> j == 0 ? null : (Object) (i / j);
                };
            }
            case FLOAT -> {
                float i = x.floatValue();
                float j = y.floatValue();
                return switch (op) {
                    case ADD -> i + j;
                    case SUB -> i - j;
                    case MUL -> i * j;
                    default -> i / j;
                };
            }
            default -> {
                double i = x.doubleValue();
                double j = y.doubleValue();
                return switch (op) {
                    case ADD -> i + j;
                    case SUB -> i - j;
                    case MUL -> i * j;
                    default -> i / j;
                };
            }
        }
    }

    /** Unary minus ({@code negate}) or plus; {@code null} for NULL or a non-number. */
    static Object unary(boolean negate, Object a) {
        return switch (rank(a)) {
            case INT -> negate ? -((Number) a).intValue() : ((Number) a).intValue();
            case LONG -> negate ? (Object) (-((Long) a)) : a;
            case FLOAT -> negate ? (Object) (-((Float) a)) : a;
            case DOUBLE -> negate ? (Object) (-((Double) a)) : a;
            default -> null;
        };
    }

    /** AND of three-valued operands (Boolean or anything else for unknown), per the spec's AND table. */
    static Boolean and(Object a, Object b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return Boolean.FALSE;
        }
        return Boolean.TRUE.equals(a) && Boolean.TRUE.equals(b) ? Boolean.TRUE : null;
    }

    /** OR of three-valued operands, per the spec's OR table. */
    static Boolean or(Object a, Object b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return Boolean.TRUE;
        }
        return Boolean.FALSE.equals(a) && Boolean.FALSE.equals(b) ? Boolean.FALSE : null;
    }
}
