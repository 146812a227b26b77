package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad configuration is refused with a message naming the property (JCA 2.1 sec. 13.4.2.2, ActivationSpec.validate). */
class ActivationSpecValidationTest {

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                Arguments.of("destinationType", (Consumer<JournalActivationSpec>) s -> s.setDestinationType("jakarta.jms.Qeue")),
                Arguments.of("messageSelector", (Consumer<JournalActivationSpec>) s -> s.setMessageSelector("JMSPriority >>> 3")),
                Arguments.of("destinationLookup", (Consumer<JournalActivationSpec>) s -> s.setDestination(null)),
                Arguments.of("subscriptionDurability", (Consumer<JournalActivationSpec>) s -> s.setSubscriptionDurability("Durable")),
                Arguments.of("subscriptionDurability", (Consumer<JournalActivationSpec>) s -> s.setSubscriptionDurability("Forever")),
                Arguments.of("subscriptionName", (Consumer<JournalActivationSpec>) s -> {
                    s.setDestinationType(JournalActivationSpec.TOPIC);
                    s.setSubscriptionDurability("Durable");
                }),
                Arguments.of("clientId", (Consumer<JournalActivationSpec>) s -> {
                    s.setDestinationType(JournalActivationSpec.TOPIC);
                    s.setSubscriptionDurability("Durable");
                    s.setSubscriptionName("no-client-id");
                }),
                Arguments.of("acknowledgeMode", (Consumer<JournalActivationSpec>) s -> s.setAcknowledgeMode("Client-acknowledge")),
                Arguments.of("maxSessions", (Consumer<JournalActivationSpec>) s -> s.setMaxSessions(0)));
    }

    private static JournalActivationSpec valid() {
        JournalActivationSpec s = new JournalActivationSpec();
        s.setDestination("orders");
        return s;
    }

    @ParameterizedTest(name = "bad {0}")
    @MethodSource("badSpecs")
    @DisplayName("ActivationSpec.validate names the bad property")
    void validateNamesTheProperty(String property, Consumer<JournalActivationSpec> breakIt) {
        JournalActivationSpec s = valid();
        breakIt.accept(s);
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, s::validate);
        assertTrue(e.getMessage().contains("'" + property + "'"), e.getMessage());
    }

    @Test
    @DisplayName("A complete spec validates; a topic durable subscription with a name and a valid selector too")
    void validSpecs() {
        assertDoesNotThrow(valid()::validate);
        JournalActivationSpec t = valid();
        t.setDestinationType(JournalActivationSpec.TOPIC);
        t.setSubscriptionDurability("Durable");
        t.setSubscriptionName("audit");
        t.setClientId("auditor");
        t.setMessageSelector("region = 'EU' AND JMSPriority > 3");
        assertDoesNotThrow(t::validate);
        assertEquals(1, t.sessions(), "an unshared topic subscription admits one consumer");
        t.setShareSubscriptions(true);
        assertEquals(4, t.sessions());
        t.setClientId(null);
        assertDoesNotThrow(t::validate, "a shared durable subscription needs no client identifier");
    }

    @Test
    @DisplayName("ResourceAdapter.start with a malformed setting names it, and never prints the password")
    void badSetting() throws Exception {
        JournalResourceAdapter ra = new JournalResourceAdapter();
        ra.setUrl("jdbc:hsqldb:mem:unused");
        ra.setPassword("s3cret-value");
        ra.setLeaseMillis(5L);
        try (TestContainer container = new TestContainer()) {
            ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                    () -> ra.start(container));
            assertTrue(e.getMessage().contains("'leaseMillis'"), e.getMessage());
            assertTrue(!e.getMessage().contains("s3cret-value"), e.getMessage());
        }
        ra.setLeaseMillis(null);
        ra.setDuplicateWindowMillis(0L);
        try (TestContainer container = new TestContainer()) {
            ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                    () -> ra.start(container));
            assertTrue(e.getMessage().contains("'duplicateWindowMillis'"), e.getMessage());
        }
        ra.setDuplicateWindowMillis(null);
        ra.setUrl("http://not-jdbc");
        try (TestContainer container = new TestContainer()) {
            ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                    () -> ra.start(container));
            assertTrue(e.getMessage().contains("'url'"), e.getMessage());
        }
    }
}
