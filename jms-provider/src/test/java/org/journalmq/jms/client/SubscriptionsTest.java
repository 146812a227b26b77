package org.journalmq.jms.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Subscription addresses and the names read back from them. Moved unchanged from
 * RedeliveryPolicyTest when Subscriptions moved to this package (issue 19 item 2): it tests
 * package-private methods, which stay package-private.
 */
class SubscriptionsTest {

    @Test
    void subscriptionNamesAreReadBackFromTheirAddresses() {
        assertEquals("audit", Subscriptions.nameOf(Subscriptions.durableAddress("billing", "audit")));
        assertEquals("a:b", Subscriptions.nameOf(Subscriptions.durableAddress("c:1", "a:b")));
        assertEquals("shared", Subscriptions.nameOf(Subscriptions.sharedAddress(null, "shared")));
        assertNull(Subscriptions.nameOf(Subscriptions.privateAddress()));
        assertNull(Subscriptions.nameOf("Q:orders"));
    }
}
