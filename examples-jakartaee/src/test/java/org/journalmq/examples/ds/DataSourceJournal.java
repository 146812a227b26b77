package org.journalmq.examples.ds;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * An application whose JournalMQ adapter ({@code journalmq-ds}, configured with
 * {@code dataSourceJndiName=java:global/jdbc/journalmq-ds}) keeps its journal in a DataSource the
 * server manages. The DataSource is non-transactional (the journal commits its own work; its
 * messages join JTA transactions through JournalMQ's XAResource).
 */
@DataSourceDefinition(name = "java:global/jdbc/journalmq-ds", className = "org.hsqldb.jdbc.JDBCDataSource",
        url = "jdbc:hsqldb:mem:journalds;hsqldb.tx=mvcc", user = "journal", password = "journal",
        transactional = false)
@ConnectionFactoryDefinition(name = "java:app/jms/dsCf", interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "journalmq-ds", transactionSupport = TransactionSupportLevel.XATransaction,
        maxPoolSize = 4, minPoolSize = 0)
@Stateless
public class DataSourceJournal {

    @Resource(lookup = "java:app/jms/dsCf")
    private ConnectionFactory factory;

    @Resource(lookup = "java:global/jdbc/journalmq-ds")
    private DataSource dataSource;

    /** Sends in this method's container transaction. */
    public void send(String queue, String text) {
        try (JMSContext c = factory.createContext()) {
            c.createProducer().send(c.createQueue(queue), text);
        }
    }

    /** Receives one text in this method's container transaction, or null. */
    public String receive(String queue, long timeoutMillis) {
        try (JMSContext c = factory.createContext()) {
            return c.createConsumer(c.createQueue(queue)).receiveBody(String.class, timeoutMillis);
        }
    }

    /** True when the journal's tables are in the server's DataSource (read from JDBC metadata). */
    public boolean journalTablesInDataSource() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "JMQ_DELIVERY", null)) {
            return rs.next();
        }
    }
}
