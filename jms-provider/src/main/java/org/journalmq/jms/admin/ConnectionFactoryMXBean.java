package org.journalmq.jms.admin;

/**
 * The journal of a connection factory configuration in this JVM, registered as
 * {@code org.journalmq:type=ConnectionFactory,name=F} (see README, "JMX").
 */
public interface ConnectionFactoryMXBean {
    /** The JDBC URL, password masked. */
    String getUrl();

    String getTablePrefix();

    /** Live journal clients in every JVM sharing the database. */
    int getClients();

    /** Connections (and admin handles) on this journal in this JVM. */
    int getConnections();

    int getOpenSessions();

    int getDestinationCount();

    int getPoolActive();

    int getPoolIdle();

    int getPoolTotal();

    int getPoolWaiting();

    int getPoolMaximum();

    /** Reads the journal now and registers or unregisters destination MBeans to match it. */
    void refresh();
}
