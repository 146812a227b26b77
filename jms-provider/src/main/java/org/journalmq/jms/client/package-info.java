/**
 * The client objects below a connection and their delivery machinery: sessions (and their
 * queue/topic views), producers, consumers, browsers, JMSContext, acknowledgements, redelivery
 * bookkeeping, delivery threads, subscriptions and the journal registry the connections share.
 *
 * <p>Depends on the root package (connection, factory, destinations, JmsExceptions) and on
 * {@code policy}, {@code message}, {@code selector}, {@code audit} and {@code admin}; never on
 * {@code transaction}. Classes and members made public only for the root package or
 * {@code transaction} say so ("Internal: for ..."): they are not API.
 */
package org.journalmq.jms.client;
