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
        return String.format(Locale.ROOT, "nproc %d, memory %s, cpu %s, java %s (%s), os %s %s %s",
                Runtime.getRuntime().availableProcessors(), memory, cpuModel().orElse("unknown"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    private static Optional<Long> totalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Optional.of(os.getTotalMemorySize());
        }
        return Optional.empty();
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
