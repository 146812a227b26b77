/**
 * The message selector language of Jakarta Messaging 3.1, section 3.8.1: {@link org.journalmq.jms.selector.Selector}
 * parses a selector once into a tree of evaluator nodes and evaluates it against messages with SQL92 three-valued
 * logic ({@link org.journalmq.jms.selector.Tristate}); {@link org.journalmq.jms.selector.HeaderFilter} is the
 * JMSPriority range that can be pushed down into SQL.
 *
 * <p>Where the spec leaves room:
 * <ul>
 *   <li>Comparing values of different types (other than exact with approximate numerics) is FALSE, as the spec says
 *       ("If the comparison of non-like type values is attempted, the value of the operation is false"); with a
 *       NULL operand it is UNKNOWN. Where literals make the mismatch certain (TRUE = 0, x &gt; 'foo') the selector
 *       is rejected at parse time.</li>
 *   <li>Arithmetic on a non-number, and integer division by zero, are UNKNOWN. Arithmetic follows Java binary
 *       numeric promotion exactly (int + int overflows as int; exact literals are long).</li>
 *   <li>IN and LIKE on a non-string value are UNKNOWN (neither IN nor NOT IN matches), as for NULL.</li>
 *   <li>Identifiers other than the six header fields of 3.8.1.1 (e.g. JMSExpiration, JMSDeliveryTime) are
 *       property references, hence normally NULL.</li>
 *   <li>In a LIKE pattern the escape character must be followed by '_', '%' or itself (SQL92).</li>
 * </ul>
 */
package org.journalmq.jms.selector;
