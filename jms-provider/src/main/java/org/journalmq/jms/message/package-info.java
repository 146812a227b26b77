/**
 * JournalMQ's implementations of the {@code jakarta.jms} message types and their binary journal
 * form.
 *
 * <h2>For applications</h2>
 * Create messages through a Session or JMSContext. Behaviour follows Jakarta Messaging 3.1
 * sections 3.4 (headers), 3.5 (properties, conversion table 3.5.4), 3.9 (read-only and write-only
 * modes) and 3.11 (bodies and their conversion tables). Property names must be valid message
 * selector identifiers (section 3.5.1); an invalid name fails with IllegalArgumentException.
 *
 * <h2>For the session code (provider-internal API)</h2>
 * <ul>
 * <li>{@code new JournalPlainMessage()}, {@code new JournalTextMessage()}/{@code (String)},
 * {@code new JournalBytesMessage()}, {@code new JournalMapMessage()},
 * {@code new JournalStreamMessage()}, {@code new JournalObjectMessage()} for the create methods.</li>
 * <li>Before a send: {@link org.journalmq.jms.message.ForeignMessages#copyOf} for a message
 * that is not a JournalMessage; then set the send headers and
 * {@link org.journalmq.jms.message.MessageCodec#encode}. After the send:
 * {@link org.journalmq.jms.message.JournalMessage#markSent()}.</li>
 * <li>On delivery: {@link org.journalmq.jms.message.MessageCodec#decode}, then
 * {@link org.journalmq.jms.message.JournalMessage#markDelivered(int)} with the journal's delivery
 * count and {@link org.journalmq.jms.message.JournalMessage#setAcknowledger}.</li>
 * </ul>
 */
package org.journalmq.jms.message;
