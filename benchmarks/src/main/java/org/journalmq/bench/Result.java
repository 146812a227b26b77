package org.journalmq.bench;

import java.util.Locale;

/**
 * What a scenario measured. Latencies are in milliseconds, NaN where the scenario has none, as is
 * the rate of a scenario that counts something else (idle); {@code ok} is false when a check failed
 * (lost or duplicated messages, timeout).
 */
record Result(int messages, double msgsPerSecond, double p50Millis, double p99Millis, String notes, boolean ok) {

    /** A row for a scenario that does not apply to a peer or database. */
    static Result notApplicable(String why) {
        return new Result(0, Double.NaN, Double.NaN, Double.NaN, "n/a: " + why, true);
    }

    boolean applicable() {
        return !notes.startsWith("n/a:");
    }

    /** The same result, failed, with a reason appended to the notes. */
    Result failed(String why) {
        return new Result(messages, msgsPerSecond, p50Millis, p99Millis, notes + "; " + why, false);
    }

    /** One row of the Markdown table printed by {@link Bench}. */
    String row(String peer, String journal, String scenario) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |", peer, journal, scenario,
                applicable() ? String.valueOf(messages) : "–", rate(msgsPerSecond), millis(p50Millis),
                millis(p99Millis), ok ? notes : "FAILED: " + notes);
    }

    static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "–" : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms);
    }
}
