package org.journalmq.jms.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives the {@link HeaderFilter} of a compiled selector. Conservative by construction: only the top-level AND
 * chain is looked at (a lone comparison counts as a chain of one), and within it only comparisons of
 * {@code JMSPriority} with exact numeric literals ({@code = < <= > >=}, either side) and {@code JMSPriority BETWEEN
 * lit AND lit}. Every such conjunct must be TRUE for the selector to be TRUE, so the intersection of their ranges
 * is implied by the selector. Anything else (OR, NOT, approximate literals, arithmetic) is ignored.
 */
final class HeaderFilters {

    private static final String PRIORITY = "JMSPriority";

    private HeaderFilters() {
    }

    static Optional<HeaderFilter> derive(Node root) {
        List<Node> conjuncts = new ArrayList<>();
        flatten(root, conjuncts);
        long min = Long.MIN_VALUE;
        long max = Long.MAX_VALUE;
        boolean found = false;
        for (Node n : conjuncts) {
            if (n instanceof Nodes.Compare c && c.op.ordinal() <= Values.Op.GE.ordinal() && c.op != Values.Op.NE) {
                Long v;
                Values.Op op = c.op;
                if (isPriority(c.left) && (v = exact(c.right)) != null) {
                    // JMSPriority op v
                } else if (isPriority(c.right) && (v = exact(c.left)) != null) {
                    op = flip(op);
                } else {
                    continue;
                }
                found = true;
                switch (op) {
                    case EQ -> {
                        min = Math.max(min, v);
                        max = Math.min(max, v);
                    }
                    case GT -> min = Math.max(min, v == Long.MAX_VALUE ? v : v + 1);
                    case GE -> min = Math.max(min, v);
                    case LT -> max = Math.min(max, v == Long.MIN_VALUE ? v : v - 1);
                    default -> max = Math.min(max, v);
                }
            } else if (n instanceof Nodes.Between b && !b.negated && isPriority(b.value)) {
                Long lo = exact(b.low);
                Long hi = exact(b.high);
                if (lo != null && hi != null) {
                    found = true;
                    min = Math.max(min, lo);
                    max = Math.min(max, hi);
                }
            }
        }
        Integer minPriority = min <= Integer.MIN_VALUE ? null : (int) Math.min(min, Integer.MAX_VALUE);
        Integer maxPriority = max >= Integer.MAX_VALUE ? null : (int) Math.max(max, Integer.MIN_VALUE);
        if (!found || (minPriority == null && maxPriority == null)) {
            return Optional.empty();
        }
        return Optional.of(new HeaderFilter(minPriority, maxPriority));
    }

    private static void flatten(Node n, List<Node> out) {
        if (n instanceof Nodes.Junction j && j.isAnd) {
            for (Node c : j.operands) {
                flatten(c, out);
            }
        } else {
            out.add(n);
        }
    }

    private static boolean isPriority(Node n) {
        return n instanceof Nodes.Ref r && r.isHeader(PRIORITY);
    }

    private static Long exact(Node n) {
        return n instanceof Nodes.Literal l && l.value instanceof Long v ? v : null;
    }

    private static Values.Op flip(Values.Op op) {
        return switch (op) {
            case LT -> Values.Op.GT;
            case LE -> Values.Op.GE;
            case GT -> Values.Op.LT;
            case GE -> Values.Op.LE;
            default -> op;
        };
    }
}
