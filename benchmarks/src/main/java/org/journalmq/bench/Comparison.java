package org.journalmq.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The side-by-side table: per scenario JournalMQ's figure, each peer's, and the ratio, always
 * oriented so that above 1 means JournalMQ did better: throughput JournalMQ msgs/s / peer msgs/s,
 * latency peer p50 / JournalMQ p50. Rows that failed or do not apply have no ratio.
 */
final class Comparison {

    static final String JOURNAL = "journalmq";

    /** One ratio, for the chart. */
    record Ratio(String scenario, String peer, double value) {
    }

    private final Map<String, Scenario.Metric> metrics = new LinkedHashMap<>();
    /** Per scenario and peer, the results of every pass. */
    private final Map<String, Map<String, List<Result>>> byScenario = new LinkedHashMap<>();
    private final Set<String> peers = new LinkedHashSet<>();

    Comparison(List<Runner.Row> rows) {
        for (Runner.Row r : rows) {
            if (r.metric() == Scenario.Metric.NONE) {
                continue;
            }
            metrics.put(r.scenario(), r.metric());
            byScenario.computeIfAbsent(r.scenario(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.peer(), k -> new ArrayList<>()).add(r.result());
            if (!r.peer().equals(JOURNAL)) {
                peers.add(r.peer());
            }
        }
    }

    /** The figure the metric compares, NaN when the row failed or does not apply. */
    private static double figure(Scenario.Metric metric, Result r) {
        if (r == null || !r.ok() || !r.applicable()) {
            return Double.NaN;
        }
        return metric == Scenario.Metric.LATENCY ? r.p50Millis() : r.msgsPerSecond();
    }

    /** The median of the passes' figures (the mean of the middle two for an even count); NaN if any failed. */
    private static double figure(Scenario.Metric metric, List<Result> passes) {
        if (passes == null || passes.isEmpty()) {
            return Double.NaN;
        }
        double[] values = new double[passes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = figure(metric, passes.get(i));
            if (Double.isNaN(values[i])) {
                return Double.NaN;
            }
        }
        java.util.Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    List<Ratio> ratios() {
        List<Ratio> out = new ArrayList<>();
        byScenario.forEach((scenario, results) -> {
            Scenario.Metric metric = metrics.get(scenario);
            double journal = figure(metric, results.get(JOURNAL));
            for (String peer : peers) {
                double other = figure(metric, results.get(peer));
                double ratio = metric == Scenario.Metric.LATENCY ? other / journal : journal / other;
                if (!Double.isNaN(ratio) && !Double.isInfinite(ratio) && ratio > 0) {
                    out.add(new Ratio(scenario, peer, ratio));
                }
            }
        });
        return out;
    }

    void print() {
        System.out.println();
        System.out.println("## JournalMQ side by side (ratio > 1: JournalMQ better; throughput: JournalMQ msgs/s"
                + " / peer msgs/s; latency: peer p50 / JournalMQ p50)");
        System.out.println();
        StringBuilder head = new StringBuilder("| scenario | figure | journalmq |");
        StringBuilder rule = new StringBuilder("|---|---|---:|");
        for (String peer : peers) {
            head.append(' ').append(peer).append(" | ratio vs ").append(peer).append(" |");
            rule.append("---:|---:|");
        }
        System.out.println(head);
        System.out.println(rule);
        Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
        for (Ratio r : ratios()) {
            ratios.computeIfAbsent(r.scenario(), k -> new LinkedHashMap<>()).put(r.peer(), r.value());
        }
        byScenario.forEach((scenario, results) -> {
            if (!peers.isEmpty() && peers.stream().noneMatch(p -> results.get(p) != null
                    && results.get(p).get(0).applicable())) {
                return; // JournalMQ-only scenarios (xa, local-tx, cross-jvm) have nothing to set against
            }
            Scenario.Metric metric = metrics.get(scenario);
            StringBuilder line = new StringBuilder("| ").append(scenario).append(" | ")
                    .append(metric == Scenario.Metric.LATENCY ? "p50 ms (lower is better)" : "msgs/s (higher is better)")
                    .append(" | ").append(cell(metric, results.get(JOURNAL))).append(" |");
            for (String peer : peers) {
                Double ratio = ratios.getOrDefault(scenario, Map.of()).get(peer);
                line.append(' ').append(cell(metric, results.get(peer))).append(" | ")
                        .append(ratio == null ? "–" : String.format(Locale.ROOT, "%.2f", ratio)).append(" |");
            }
            System.out.println(line);
        });
    }

    private static String cell(Scenario.Metric metric, List<Result> passes) {
        if (passes == null) {
            return "not run";
        }
        if (!passes.get(0).applicable()) {
            return "n/a";
        }
        double median = figure(metric, passes);
        if (Double.isNaN(median)) {
            return "FAILED";
        }
        return metric == Scenario.Metric.LATENCY ? Result.millis(median) : Result.rate(median);
    }
}
