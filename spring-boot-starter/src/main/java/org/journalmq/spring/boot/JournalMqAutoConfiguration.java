package org.journalmq.spring.boot;

import jakarta.jms.ConnectionFactory;
import java.util.Map;
import javax.sql.DataSource;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.config.Settings;
import org.journalmq.jms.config.SettingsBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jms.autoconfigure.DefaultJmsListenerContainerFactoryConfigurer;
import org.springframework.boot.jms.autoconfigure.JmsAutoConfiguration;
import org.springframework.boot.jms.autoconfigure.JndiConnectionFactoryAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.jta.JtaTransactionManager;

/**
 * JournalMQ in a Spring Boot application (issue 17 item 1).
 *
 * <ul>
 *   <li>{@code journalConnectionFactory}: the provider's {@link JournalConnectionFactory}, on the
 *       application's {@link DataSource} unless {@code journalmq.url} is set (then on its own pool),
 *       with every {@code journalmq.*} setting bound by the provider's {@link SettingsBinder}.</li>
 *   <li>{@code jmsConnectionFactory} (primary): the {@link TransactionAwareJournalConnectionFactory}
 *       that Boot's JMS auto-configuration gives JmsTemplate and the listener containers.</li>
 *   <li>{@code jmsListenerContainerFactory}: Boot's, configured by Boot's configurer, plus the
 *       application's transaction manager when the journal runs on its DataSource, so that a
 *       listener receives, works and acknowledges in one database transaction.</li>
 * </ul>
 * {@link JournalMqHealthAutoConfiguration} and {@link JournalMqMetricsAutoConfiguration} add the
 * health indicator and the meters when their libraries are there.
 * It runs before Boot's JMS auto-configuration, which backs off its own factory beans when these exist.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        before = {JmsAutoConfiguration.class, JndiConnectionFactoryAutoConfiguration.class})
@ConditionalOnClass({JournalConnectionFactory.class, JmsTemplate.class})
public class JournalMqAutoConfiguration {

    /**
     * The factory. {@code journalmq.url} chooses a journal with a pool of its own; without it the
     * journal runs on the application's DataSource when there is exactly one, else on the
     * provider's default embedded journal. Settings are checked here, at start: a bad value fails
     * the application with the binder's message.
     */
    @Bean
    @ConditionalOnMissingBean
    public JournalConnectionFactory journalConnectionFactory(Environment environment,
                                                             ObjectProvider<DataSource> dataSources) {
        Map<String, String> properties = JournalMqProperties.read(environment);
        Settings settings;
        try {
            settings = SettingsBinder.of(properties).settings();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JournalMQ settings (" + JournalMqProperties.PREFIX + ".*): "
                    + e.getMessage(), e);
        }
        JournalConnectionFactory factory = new JournalConnectionFactory(settings.url());
        // Copy of values the binder has already checked and normalised; the factory's own binder
        // holds them from here on.
        settings.publicValues().forEach(factory::set);
        if (settings.password() != null) {
            factory.setPassword(settings.password());
        }
        if (!properties.containsKey(SettingsBinder.URL)) {
            DataSource dataSource = dataSources.getIfUnique();
            if (dataSource != null) {
                factory.setDataSource(dataSource);
            }
        }
        return factory;
    }

    /** What JmsTemplate and the listener containers use (primary, so Boot finds one candidate). */
    @Bean
    @Primary
    @ConditionalOnMissingBean(value = ConnectionFactory.class, ignored = JournalConnectionFactory.class)
    public TransactionAwareJournalConnectionFactory jmsConnectionFactory(JournalConnectionFactory journal) {
        return new TransactionAwareJournalConnectionFactory(journal);
    }

    /**
     * Boot's listener container factory, with the application's transaction manager when the
     * journal is on its DataSource: Boot itself only ever sets a JTA transaction manager, and
     * without one a {@code sessionTransacted} listener would commit the message apart from the
     * database work. With several transaction managers none is chosen (define this bean yourself).
     */
    @Bean
    @ConditionalOnMissingBean(name = "jmsListenerContainerFactory")
    public DefaultJmsListenerContainerFactory jmsListenerContainerFactory(
            ObjectProvider<DefaultJmsListenerContainerFactoryConfigurer> configurer,
            ConnectionFactory connectionFactory,
            ObjectProvider<PlatformTransactionManager> transactionManagers) {
        DefaultJmsListenerContainerFactory factory = new DefaultJmsListenerContainerFactory();
        DefaultJmsListenerContainerFactoryConfigurer bootConfigurer = configurer.getIfAvailable();
        if (bootConfigurer != null) {
            bootConfigurer.configure(factory, connectionFactory);
        } else {
            factory.setConnectionFactory(connectionFactory);
            factory.setSessionTransacted(true);
        }
        // Only when the containers' sessions do join that transaction: the application may have
        // replaced jmsConnectionFactory with a factory of its own.
        PlatformTransactionManager transactionManager = transactionManagers.getIfUnique();
        boolean joins = connectionFactory instanceof TransactionAwareJournalConnectionFactory aware
                && aware.isTransactionAware();
        if (joins && transactionManager != null && !(transactionManager instanceof JtaTransactionManager)) {
            factory.setTransactionManager(transactionManager);
        }
        return factory;
    }
}
