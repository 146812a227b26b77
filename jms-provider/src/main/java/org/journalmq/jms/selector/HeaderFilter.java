package org.journalmq.jms.selector;

/**
 * The header-only part of a selector that can be pushed down into SQL: an inclusive range of
 * {@code JMSPriority}. A {@code null} bound means unbounded. The range is implied by the selector: a message
 * whose priority lies outside it can never match the selector (the converse does not hold; the selector must
 * still be evaluated on the rows that pass).
 *
 * @param minPriority inclusive lower bound, or {@code null}
 * @param maxPriority inclusive upper bound, or {@code null}
 */
public record HeaderFilter(Integer minPriority, Integer maxPriority) {
}
