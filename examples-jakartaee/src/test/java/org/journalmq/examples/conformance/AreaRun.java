package org.journalmq.examples.conformance;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * One spec area in one vehicle, run inside the server by the JUnit Platform launcher (the one
 * Arquillian's in-container runner uses too): every test method of the area class, with its own
 * lifecycle and extensions, so the tck-subset code runs unchanged. Counts what passed, failed and was
 * skipped (with the reason: the container rule that replaces it).
 */
final class AreaRun implements TestExecutionListener {

    int passed;
    final List<String> failed = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    final List<String> knownBugs = new ArrayList<>();

    static AreaRun of(Class<?> area) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(area)).build();
        AreaRun run = new AreaRun();
        LauncherFactory.create().execute(request, run);
        return run;
    }

    int total() {
        return passed + failed.size() + skipped.size() + knownBugs.size();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        // a skipped parameterized method is one entry, like a skipped plain method
        (reason.startsWith(ReplacedInContainer.KNOWN_BUG) ? knownBugs : skipped).add(test.getDisplayName() + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                // a class-level failure (e.g. in a lifecycle method) fails every test it kept from running
                failed.add(test.getDisplayName() + ": " + result.getThrowable().map(AreaRun::describe).orElse("?"));
            }
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed++;
            case ABORTED -> skipped.add(test.getDisplayName() + ": aborted, "
                    + result.getThrowable().map(Throwable::getMessage).orElse("?"));
            case FAILED -> failed.add(test.getDisplayName() + ": "
                    + result.getThrowable().map(AreaRun::describe).orElse("?"));
        }
    }

    /** The failure with where it happened: the first frames, enough to find the assertion. */
    private static String describe(Throwable t) {
        StringBuilder b = new StringBuilder(String.valueOf(t));
        StackTraceElement[] stack = t.getStackTrace();
        for (int i = 0; i < Math.min(6, stack.length); i++) {
            b.append("\n      at ").append(stack[i]);
        }
        if (t.getCause() != null && t.getCause() != t) {
            b.append("\n    caused by ").append(t.getCause());
        }
        return b.toString();
    }
}
