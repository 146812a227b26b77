/**
 * The redelivery and dead-letter policy settings: the factory-wide and per-destination values and
 * the backoff arithmetic they give.
 *
 * <p>Depends on the root package (destinations, DeadLetters) and on {@code config}; read by the
 * factory and by {@code client}'s redelivery bookkeeping.
 */
package org.journalmq.jms.policy;
