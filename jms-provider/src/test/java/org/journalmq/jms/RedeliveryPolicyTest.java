package org.journalmq.jms;

import java.util.Hashtable;
import java.util.Properties;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import org.journalmq.jms.jndi.JournalInitialContextFactory;
import org.journalmq.jms.policy.PolicySettings;
import org.journalmq.jms.policy.RedeliveryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The redelivery policy's arithmetic, the resolution of per-destination settings and the errors
 * for bad values (issue 8 item 1: "invalid policy values give clear errors naming the property").
 * Pure facade logic: no journal needed.
 */
class RedeliveryPolicyTest {

    private static final String URL = "jdbc:hsqldb:mem:policy-test";

    @Test
    void delayGrowsByTheMultiplierUpToTheCap() {
        RedeliveryPolicy p = new RedeliveryPolicy(100, 2.0, 1_000, 0.0, 10);
        long[] expected = {100, 200, 400, 800, 1_000, 1_000};
        for (int failed = 1; failed <= expected.length; failed++) {
            assertEquals(expected[failed - 1], p.delayAfter(failed, () -> 0.5), "after " + failed + " failures");
        }
        RedeliveryPolicy huge = new RedeliveryPolicy(1_000, 10.0, Long.MAX_VALUE, 0.0, 10);
        assertTrue(huge.delayAfter(1_000, () -> 0.5) > 0, "no overflow to a negative delay");
    }

    @Test
    void jitterSpreadsTheDelayWithinItsFractionInBothDirections() {
        RedeliveryPolicy p = new RedeliveryPolicy(1_000, 1.0, 1_000, 0.25, 10);
        assertEquals(750, p.delayAfter(1, () -> 0.0), "random 0: the lowest");
        assertEquals(1_000, p.delayAfter(1, () -> 0.5), "random 0.5: the nominal delay");
        assertEquals(1_250, p.delayAfter(1, () -> 1.0), "random 1: the highest");
    }

    @Test
    void theLastAttemptExhaustsThePolicy() {
        RedeliveryPolicy p = new RedeliveryPolicy(0, 1.0, 0, 0.0, 3);
        assertTrue(!p.exhausted(2) && p.exhausted(3) && p.exhausted(4));
    }

    /** Each invalid value fails at configuration, naming the property and the rule. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "redeliveryDelayMillis|-1|'redeliveryDelayMillis' must not be negative",
            "redeliveryMultiplier|0.5|'redeliveryMultiplier' must be a finite number of at least 1",
            "redeliveryMultiplier|NaN|'redeliveryMultiplier' must be a finite number of at least 1",
            "maxRedeliveryDelayMillis|-5|'maxRedeliveryDelayMillis' must not be negative",
            "redeliveryJitter|1.5|'redeliveryJitter' must lie between 0 and 1",
            "maxDeliveryAttempts|0|'maxDeliveryAttempts' must be at least 1",
            "maxDeliveryAttempts|many|'maxDeliveryAttempts' needs a number",
            "dropExpired|yes|'dropExpired' must be true or false",
            "expiryQueue|' padded'|'expiryQueue': queue name has leading or trailing white space",
            "queue.orders.maxDeliveryAttempts|-2|'queue.orders.maxDeliveryAttempts' must be at least 1",
            "topic.prices.redeliveryJitter|-0.1|'topic.prices.redeliveryJitter' must lie between 0 and 1",
            "queue.orders.retries|3|'queue.orders.retries' must have the form queue.<name>.<setting>",
            "queue..maxDeliveryAttempts|3|'queue..maxDeliveryAttempts': queue name is empty"})
    void invalidValuesAreRefusedNamingTheProperty(String property, String value, String message) {
        JournalConnectionFactory f = new JournalConnectionFactory(URL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.set(property, value));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void typedSettersCheckLikeProperties() {
        JournalConnectionFactory f = new JournalConnectionFactory(URL);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> f.setMaxDeliveryAttempts(0)),
                "maxDeliveryAttempts");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> f.setRedeliveryMultiplier(0.9)),
                "redeliveryMultiplier");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> f.setRedeliveryJitter(-1)),
                "redeliveryJitter");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> f.setMaxRedeliveryDelayMillis(-1)),
                "maxRedeliveryDelayMillis");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> f.setRedeliveryDelayMillis(-1)),
                "redeliveryDelayMillis");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> f.setQueuePolicy("orders", "maxDeliveryAttempts", "0")), "queue.orders.maxDeliveryAttempts");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new RedeliveryPolicy(0, 1, 0, 0, 0)),
                "maxDeliveryAttempts");
    }

    @Test
    void jndiReportsABadPolicyValueAsAConfigurationErrorNamingTheOption() {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, JournalInitialContextFactory.class.getName());
        env.put("connectionFactory.Orders", URL);
        env.put("connectionFactory.Orders.maxDeliveryAttempts", "0");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new InitialContext(env));
        assertMessage(e, "maxDeliveryAttempts");
    }

    @Test
    void jndiAcceptsPerDestinationSettingsOfADefinedFactory() throws Exception {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, JournalInitialContextFactory.class.getName());
        env.put("connectionFactory.Orders", URL);
        env.put("connectionFactory.Orders.maxDeliveryAttempts", "6");
        env.put("connectionFactory.Orders.queue.orders.in.maxDeliveryAttempts", "2");
        env.put("connectionFactory.Orders.topic.prices.deadLetterQueue", "prices.failed");
        JournalConnectionFactory f = (JournalConnectionFactory) new InitialContext(env).lookup("Orders");
        PolicySettings.Policies policies = f.providerSettings().policies();
        assertEquals(2, policies.forDestination(new JournalQueue("orders.in")).redelivery().maxDeliveryAttempts());
        assertEquals(6, policies.forDestination(new JournalQueue("other")).redelivery().maxDeliveryAttempts());
        assertEquals("Q:prices.failed", policies.forDestination(new JournalTopic("prices")).deadLetterAddress());

        env.put("connectionFactory.Orders.queue.orders.in.maxDeliveryAttempts", "-1");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new InitialContext(env));
        assertMessage(e, "queue.orders.in.maxDeliveryAttempts");
    }

    @Test
    void destinationSettingsOverrideFactoryDefaultsWhichOverrideBuiltIns() {
        Properties p = new Properties();
        p.setProperty("url", URL);
        p.setProperty("redeliveryDelayMillis", "100");
        p.setProperty("redeliveryMultiplier", "2");
        p.setProperty("maxDeliveryAttempts", "4");
        p.setProperty("queue.orders.maxDeliveryAttempts", "2");
        p.setProperty("queue.orders.v2.redeliveryDelayMillis", "5"); // a name with dots
        p.setProperty("queue.orders.deadLetterQueue", "orders.failed");
        p.setProperty("topic.prices.dropExpired", "true");
        p.setProperty("expiryQueue", "Expired");
        JournalConnectionFactory f = new JournalConnectionFactory(p);
        PolicySettings.Policies policies = f.providerSettings().policies();

        PolicySettings.Policy orders = policies.forDestination(new JournalQueue("orders"));
        assertEquals(new RedeliveryPolicy(100, 2.0, Long.MAX_VALUE, 0.0, 2), orders.redelivery());
        assertEquals("Q:orders.failed", orders.deadLetterAddress());
        assertEquals("Q:Expired", orders.expiryAddress());

        PolicySettings.Policy v2 = policies.forDestination(new JournalQueue("orders.v2"));
        assertEquals(new RedeliveryPolicy(5, 2.0, Long.MAX_VALUE, 0.0, 4), v2.redelivery());
        assertEquals("Q:DLQ.orders.v2", v2.deadLetterAddress());

        PolicySettings.Policy prices = policies.forDestination(new JournalTopic("prices"));
        assertEquals("Q:DLQ.prices", prices.deadLetterAddress(), "DLQ.<topic> for every subscription");
        assertNull(prices.expiryAddress(), "dropped when expired");

        PolicySettings.Policy other = policies.forDestination(new JournalQueue("other"));
        assertEquals(4, other.redelivery().maxDeliveryAttempts(), "the factory default");
        assertEquals("Q:DLQ.other", other.deadLetterAddress());
    }

    @Test
    void settingsSurviveTheJndiReference() throws Exception {
        JournalConnectionFactory f = new JournalConnectionFactory(URL);
        f.setMaxDeliveryAttempts(7);
        f.setQueuePolicy("orders", JournalConnectionFactory.REDELIVERY_JITTER, "0.5");
        JournalConnectionFactory copy = (JournalConnectionFactory) new JournalObjectFactory()
                .getObjectInstance(f.getReference(), null, null, null);
        PolicySettings.Policy orders = copy.providerSettings().policies().forDestination(new JournalQueue("orders"));
        assertEquals(7, orders.redelivery().maxDeliveryAttempts());
        assertEquals(0.5, orders.redelivery().jitter());
    }

    private static void assertMessage(Exception e, String part) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
