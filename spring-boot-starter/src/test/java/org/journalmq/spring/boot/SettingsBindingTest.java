package org.journalmq.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.ConnectionFactory;
import java.util.Map;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.config.Settings;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jms.autoconfigure.JmsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jms.core.JmsTemplate;

/**
 * {@code journalmq.*} properties reach the factory through the provider's binder: relaxed Spring
 * names, per-destination keys, and the binder's own error messages for bad values.
 */
class SettingsBindingTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JournalMqAutoConfiguration.class, JmsAutoConfiguration.class))
            .withPropertyValues("journalmq.jmx=false");

    @Test
    void relaxedNamesBindThroughTheBinder() {
        String url = TestDatabases.hsqldbMemUrl();
        runner.withPropertyValues("journalmq.url=" + url, "journalmq.pool-size=3", "journalmq.leaseMillis=5000",
                        "journalmq.client-id=shop", "journalmq.redelivery-multiplier=2",
                        "journalmq.queue.orders.eu.max-delivery-attempts=4", "journalmq.drop-expired=TRUE")
                .run(context -> {
                    assertNull(context.getStartupFailure(), () -> String.valueOf(context.getStartupFailure()));
                    JournalConnectionFactory factory = context.getBean(JournalConnectionFactory.class);
                    Settings s = factory.settings();
                    assertEquals(url, s.url());
                    assertNull(factory.getDataSource(), "journalmq.url: a pool of its own");
                    assertEquals(3, s.poolSize());
                    assertEquals(5000, s.leaseMillis());
                    assertEquals("shop", s.clientID());
                    assertEquals("2.0", s.policies().get("redeliveryMultiplier"));
                    assertEquals("4", s.policies().get("queue.orders.eu.maxDeliveryAttempts"));
                    assertEquals("true", s.policies().get("dropExpired"));
                    TransactionAwareJournalConnectionFactory primary = context.getBean(
                            TransactionAwareJournalConnectionFactory.class);
                    assertSame(primary, context.getBean(ConnectionFactory.class));
                    assertSame(primary, context.getBean(JmsTemplate.class).getConnectionFactory());
                    assertFalse(primary.isTransactionAware(), "a journal on its own URL joins no Spring transaction");
                });
    }

    @Test
    void environmentVariablesBindToo() {
        Map<String, Object> variables = Map.of("JOURNALMQ_URL", TestDatabases.hsqldbMemUrl(), "JOURNALMQ_POOLSIZE", "5",
                "JOURNALMQ_QUEUE_ORDERS_MAXDELIVERYATTEMPTS", "6");
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    Settings s = context.getBean(JournalConnectionFactory.class).settings();
                    assertEquals(5, s.poolSize());
                    assertEquals("6", s.policies().get("queue.orders.maxDeliveryAttempts"));
                });
    }

    @Test
    void aQueueNameKeepsItsCaseInBrackets() {
        runner.withPropertyValues("journalmq.url=" + TestDatabases.hsqldbMemUrl(),
                        "journalmq.queue.[Orders.EU].max-delivery-attempts=7")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    Settings s = context.getBean(JournalConnectionFactory.class).settings();
                    assertEquals("7", s.policies().get("queue.Orders.EU.maxDeliveryAttempts"), s.policies().toString());
                });
    }

    @Test
    void aBadValueFailsTheStartWithTheBindersMessage() {
        runner.withPropertyValues("journalmq.pool-size=0").run(context -> {
            assertTrue(context.getStartupFailure() != null);
            String message = rootMessage(context.getStartupFailure());
            assertTrue(message.contains("property 'poolSize' must be at least 1, was 0"), message);
        });
        runner.withPropertyValues("journalmq.lease-millis=soon").run(context -> {
            assertTrue(context.getStartupFailure() != null);
            String message = rootMessage(context.getStartupFailure());
            assertTrue(message.contains("property 'leaseMillis' needs a number"), message);
            assertFalse(message.contains("was soon"), "the value is not shown (it could be a password): " + message);
        });
    }

    @Test
    void anUnknownNameIsRefusedByTheBinder() {
        runner.withPropertyValues("journalmq.pool-sise=3").run(context -> {
            assertTrue(context.getStartupFailure() != null);
            String message = rootMessage(context.getStartupFailure());
            assertTrue(message.contains("unknown JournalMQ connection factory property 'pool-sise'"), message);
        });
    }

    /** Every message of the cause chain: the binder's is inside Spring's bean creation exceptions. */
    private static String rootMessage(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" / ");
        }
        return b.toString();
    }
}
