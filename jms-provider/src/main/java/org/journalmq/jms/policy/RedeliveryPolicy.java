package org.journalmq.jms.policy;

import java.util.function.DoubleSupplier;

/**
 * How often, and after what pause, a message whose delivery failed (a listener threw, the session
 * rolled back or recovered, the consumer's JVM died) is delivered again, before it goes to its
 * dead-letter queue.
 *
 * <p>The pause before attempt {@code n + 1}, after {@code n} failed attempts, is
 * {@code min(initialDelay * multiplier^(n-1), maxDelay)}, then moved by a random amount of at most
 * {@code jitter} times itself in either direction (so that many consumers failing at once do not
 * all come back at the same moment). After {@code maxDeliveryAttempts} failed attempts the message
 * moves to the dead-letter queue instead.
 *
 * @param initialDelayMillis  pause after the first failed attempt, 0 or more
 * @param multiplier          growth of the pause per further attempt, 1 or more
 * @param maxDelayMillis      cap of the pause (before jitter), 0 or more
 * @param jitter              fraction 0 to 1 of random spread around the pause
 * @param maxDeliveryAttempts attempts before the message is dead-lettered, 1 or more
 */
public record RedeliveryPolicy(long initialDelayMillis, double multiplier, long maxDelayMillis, double jitter,
                               int maxDeliveryAttempts) {

    /** Delivery attempts allowed by default before a message is dead-lettered. */
    public static final int DEFAULT_MAX_DELIVERY_ATTEMPTS = 10;

    /** No pause, no growth, no cap, no jitter, {@value #DEFAULT_MAX_DELIVERY_ATTEMPTS} attempts. */
    public static final RedeliveryPolicy DEFAULT = new RedeliveryPolicy(0, 1.0, Long.MAX_VALUE, 0.0,
            DEFAULT_MAX_DELIVERY_ATTEMPTS);

    /** Checks each value; the message of the IllegalArgumentException names the factory property. */
    public RedeliveryPolicy {
        check(initialDelayMillis >= 0, PolicySettings.REDELIVERY_DELAY_MILLIS, "must not be negative",
                initialDelayMillis);
        check(multiplier >= 1.0 && Double.isFinite(multiplier), PolicySettings.REDELIVERY_MULTIPLIER,
                "must be a finite number of at least 1", multiplier);
        check(maxDelayMillis >= 0, PolicySettings.MAX_REDELIVERY_DELAY_MILLIS, "must not be negative",
                maxDelayMillis);
        check(jitter >= 0.0 && jitter <= 1.0, PolicySettings.REDELIVERY_JITTER, "must lie between 0 and 1",
                jitter);
        check(maxDeliveryAttempts >= 1, PolicySettings.MAX_DELIVERY_ATTEMPTS, "must be at least 1",
                maxDeliveryAttempts);
    }

    private static void check(boolean ok, String property, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(property + " " + rule + ", was " + value);
        }
    }

    /**
     * The pause before the next attempt after {@code failedAttempts} failed ones (1 or more), in
     * milliseconds.
     *
     * @param random uniform values in [0, 1), for the jitter
     */
    public long delayAfter(int failedAttempts, DoubleSupplier random) {
        double delay = initialDelayMillis;
        for (int i = 1; i < failedAttempts && delay < maxDelayMillis; i++) {
            delay *= multiplier; // a loop, not Math.pow: it stops growing at the cap and cannot overflow
        }
        delay = Math.min(delay, (double) maxDelayMillis);
        if (jitter > 0 && delay > 0) {
            delay += delay * jitter * (2 * random.getAsDouble() - 1);
        }
        return Math.max(0, Math.round(delay));
    }

    /** True when a message that failed {@code failedAttempts} times must not be delivered again. */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxDeliveryAttempts;
    }
}
