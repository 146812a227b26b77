package org.journalmq.spring.boot;

import jakarta.jms.JMSException;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.micrometer.JournalMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The journal's meters ({@link JournalMetrics}) when Micrometer and journalmq-micrometer are on the
 * class path: a MeterBinder bean, which Boot binds to its MeterRegistry. The binder opens the
 * journal when the application starts. A class of its own so that its conditions are read without
 * loading Micrometer's types.
 */
@AutoConfiguration(after = JournalMqAutoConfiguration.class)
@ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry", "org.journalmq.micrometer.JournalMetrics"})
@ConditionalOnBean(JournalConnectionFactory.class)
public class JournalMqMetricsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public JournalMetrics journalMetrics(JournalConnectionFactory journal) throws JMSException {
        return JournalMetrics.of(journal);
    }
}
