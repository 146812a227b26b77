package org.journalmq.spring.boot;

import org.journalmq.jms.JournalConnectionFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code journalmq} health indicator ({@code management.health.journalmq.enabled}), when the
 * application has spring-boot-health (the actuator starter brings it). A class of its own, not a
 * nested one: its conditions are then read without loading it, so that an application without
 * the health library never touches its types.
 */
@AutoConfiguration(after = JournalMqAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
@ConditionalOnBean(JournalConnectionFactory.class)
@ConditionalOnEnabledHealthIndicator("journalmq")
public class JournalMqHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "journalmqHealthIndicator")
    public JournalHealthIndicator journalmqHealthIndicator(JournalConnectionFactory journal) {
        return new JournalHealthIndicator(journal);
    }
}
