package org.journalmq.examples.first;

import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * A newcomer's first application on an adapter deployed with no properties ({@code
 * journalmq-ra-unconfigured}): it sends through the adapter's connection factory, and {@link FirstMdb}
 * records what it receives here.
 */
@ConnectionFactoryDefinition(name = "java:app/jms/firstCf", interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "journalmq-ra-unconfigured", transactionSupport = TransactionSupportLevel.XATransaction,
        maxPoolSize = 2, minPoolSize = 0)
@Singleton
@Lock(LockType.WRITE)
public class FirstMessages {

    @Resource(lookup = "java:app/jms/firstCf")
    private ConnectionFactory factory;

    private final List<String> received = new ArrayList<>();

    /** Sends in this method's container transaction. */
    public void send(String queue, String text) {
        try (JMSContext c = factory.createContext()) {
            c.createProducer().send(c.createQueue(queue), text);
        }
    }

    public void record(String text) {
        received.add(text);
    }

    @Lock(LockType.READ)
    public List<String> received() {
        return List.copyOf(received);
    }
}
