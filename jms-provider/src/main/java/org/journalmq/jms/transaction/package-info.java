/**
 * XA transactions and container contexts: the XA connection, session, context and resource, the
 * resource manager that keeps branches across sessions, Xids, and the Jakarta EE container's
 * JMSContext.
 *
 * <p>Depends on {@code client} and the root package; nothing in {@code client} depends on it. The
 * local (JDBC) transaction session, {@code org.journalmq.jms.JournalLocalSession}, stays in the root
 * package because applications name it.
 */
package org.journalmq.jms.transaction;
