package org.journalmq.examples;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The application's resources, defined by the application itself (no asadmin step): connection
 * factories of the JournalMQ resource adapter deployed as {@code journalmq-ra}, its queues and topic as
 * admin objects, and the XA DataSource of the application's own database.
 */
@ConnectionFactoryDefinition(name = "java:app/jms/cf", interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "journalmq-ra", transactionSupport = TransactionSupportLevel.XATransaction,
        maxPoolSize = 16, minPoolSize = 0)
@JMSConnectionFactoryDefinition(name = "java:app/jms/definedCf", resourceAdapter = "journalmq-ra",
        interfaceName = "jakarta.jms.ConnectionFactory", maxPoolSize = 4, minPoolSize = 0)
@AdministeredObjectDefinition(name = "java:app/jms/orders", resourceAdapter = "journalmq-ra",
        interfaceName = "jakarta.jms.Queue", className = "org.journalmq.ra.QueueAdminObject",
        properties = "name=orders")
@AdministeredObjectDefinition(name = "java:app/jms/shipments", resourceAdapter = "journalmq-ra",
        interfaceName = "jakarta.jms.Queue", className = "org.journalmq.ra.QueueAdminObject",
        properties = "name=shipments")
@AdministeredObjectDefinition(name = "java:global/jms/journalmq-examples/invoices", resourceAdapter = "journalmq-ra",
        interfaceName = "jakarta.jms.Queue", className = "org.journalmq.ra.QueueAdminObject",
        properties = "name=invoices")
@AdministeredObjectDefinition(name = "java:app/jms/news", resourceAdapter = "journalmq-ra",
        interfaceName = "jakarta.jms.Topic", className = "org.journalmq.ra.TopicAdminObject",
        properties = "name=news")
@DataSourceDefinition(name = "java:app/jdbc/shop", className = "org.hsqldb.jdbc.pool.JDBCXADataSource",
        url = "jdbc:hsqldb:mem:shop", user = "shop", password = "shop", transactional = true)
@Singleton
public class JmsResources {
}
