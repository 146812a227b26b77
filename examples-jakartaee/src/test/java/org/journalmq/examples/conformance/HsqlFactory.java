package org.journalmq.examples.conformance;

import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The suite's connection factory on the adapter journalmq-tck-hsql (an HSQLDB file journal under target/, see
 * the module pom). XATransaction as an application's factory would be; several tests hold a few
 * connections at once, hence the pool size. The annotation needs a component to sit on.
 */
@ConnectionFactoryDefinition(name = Conformance.FACTORY, interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "journalmq-tck-hsql", transactionSupport = TransactionSupportLevel.XATransaction,
        maxPoolSize = 16, minPoolSize = 0)
@Singleton
public class HsqlFactory {
}
