package org.journalmq.examples.rules;

import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The container-rules application's resources, defined by the application (no asadmin step). The
 * names are global because the adapter resolves an MDB's destinationLookup and
 * connectionFactoryLookup from its own threads, where java:app names do not resolve.
 */
@ConnectionFactoryDefinition(name = RulesResources.CF, interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "journalmq-ra", transactionSupport = TransactionSupportLevel.XATransaction,
        maxPoolSize = 8, minPoolSize = 0)
@AdministeredObjectDefinition(name = RulesResources.LOOKUP_QUEUE, resourceAdapter = "journalmq-ra",
        interfaceName = "jakarta.jms.Queue", className = "org.journalmq.ra.QueueAdminObject",
        properties = "name=rules.lookup")
@Singleton
public class RulesResources {

    public static final String CF = "java:global/jms/rules/cf";
    public static final String LOOKUP_QUEUE = "java:global/jms/rules/lookup";
    /** The selector of {@link SelectorMdb}: a string literal with a quote inside ('' in the literal). */
    public static final String SELECTOR = "kind = 'it''s red' AND JMSPriority >= 0";
    public static final String SHARED_SUBSCRIPTION = "rules-shared";
    public static final String CLIENT_ID_SUBSCRIPTION = "rules-with-client-id";
}
