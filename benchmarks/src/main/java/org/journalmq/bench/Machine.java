package org.journalmq.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The facts about this machine that a reader needs to compare figures. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String memory = totalMemoryBytes()
                .map(b -> String.format(Locale.ROOT, "%.1f GiB", b / (1024.0 * 1024 * 1024))).orElse("unknown");
        return String.format(Locale.ROOT, "nproc %d, memory %s, cpu %s, java %s (%s), os %s %s %s, load average %s",
                Runtime.getRuntime().availableProcessors(), memory, cpuModel().orElse("unknown"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                loadAverage().orElse("unknown"));
    }

    /** Cores and load average only: a chart's subtitle has room for no more. */
    static String brief() {
        return "nproc " + Runtime.getRuntime().availableProcessors() + ", load average at the end "
                + loadAverage().orElse("unknown");
    }

    private static Optional<Long> totalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Optional.of(os.getTotalMemorySize());
        }
        return Optional.empty();
    }

    /**
     * The 1, 5 and 15 minute load averages: on a shared machine they tell whether other work
     * competed with the run for the cores.
     */
    private static Optional<String> loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return Optional.of(f[0] + " " + f[1] + " " + f[2]);
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "%.2f", l));
        }
    }

    /** The model name from /proc/cpuinfo where there is one (Linux). */
    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
