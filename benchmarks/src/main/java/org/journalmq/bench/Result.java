package org.journalmq.bench;

import java.util.Locale;

/**
 * What a scenario measured. Latencies are in milliseconds, NaN where the scenario has none;
 * {@code ok} is false when a check failed (lost or duplicated messages, timeout).
 */
record Result(int messages, double msgsPerSecond, double p50Millis, double p99Millis, String notes, boolean ok) {

    /** One row of the Markdown table printed by {@link Bench}. */
    String row(String journal, String scenario) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s |", journal, scenario, messages,
                String.format(Locale.ROOT, "%,.0f", msgsPerSecond), millis(p50Millis), millis(p99Millis),
                ok ? notes : "FAILED: " + notes);
    }

    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms);
    }
}
