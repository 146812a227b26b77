package org.journalmq.examples.auth;

import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * Connection factories of the adapter deployed as {@code journalmq-auth} (its journal is on PostgreSQL,
 * module pom). For container-managed sign-on GlassFish 7 builds the Subject's PasswordCredential from
 * the connector pool's properties {@code UserName} (or {@code User}) and {@code Password}; a
 * {@code @ConnectionFactoryDefinition}'s properties become that pool's properties. One pool has the
 * right password, one a wrong one, and one none (for component-managed sign-on).
 * minPoolSize 0: no connection is opened before the application asks for one.
 */
@ConnectionFactoryDefinition(name = AuthSettings.CF_RIGHT, interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = AuthSettings.ADAPTER, transactionSupport = TransactionSupportLevel.XATransaction,
        maxPoolSize = 4, minPoolSize = 0,
        properties = {"UserName=" + AuthSettings.USER, "Password=" + AuthSettings.PASSWORD})
@ConnectionFactoryDefinition(name = AuthSettings.CF_WRONG, interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = AuthSettings.ADAPTER, transactionSupport = TransactionSupportLevel.XATransaction,
        maxPoolSize = 4, minPoolSize = 0,
        properties = {"UserName=" + AuthSettings.USER, "Password=" + AuthSettings.WRONG_PASSWORD})
@ConnectionFactoryDefinition(name = AuthSettings.CF_APPLICATION, interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = AuthSettings.ADAPTER, transactionSupport = TransactionSupportLevel.XATransaction,
        maxPoolSize = 4, minPoolSize = 0)
@Singleton
public class AuthResources {
}
