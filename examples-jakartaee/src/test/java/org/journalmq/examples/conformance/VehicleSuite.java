package org.journalmq.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite in one vehicle on one journal (issue 14): a test per spec area, run by
 * Arquillian inside the server; each runs that area's tck-subset class in the vehicle ({@link AreaRun})
 * and fails with every failed test method. One deployment per vehicle and journal keeps the suite's
 * CI time small (a deployment of the adapter and a WAR costs about 14 s here).
 *
 * <p>Each area's line (passed/total, skipped with their replacing rule) is also appended to
 * target/conformance-in-container/&lt;IT class&gt;.txt, the source of docs/conformance-in-container.md.
 */
public abstract class VehicleSuite {

    /** "servlet" or "ejb": the package of the vehicle's area classes. */
    protected abstract String vehicle();

    private void area(String area) throws Exception {
        String suffix = vehicle().equals("ejb") ? "InEjb" : "InServlet";
        Class<?> type = Class.forName(VehicleSuite.class.getPackageName() + "." + vehicle() + "." + area + suffix);
        AreaRun run = AreaRun.of(type);
        String line = area + " " + vehicle() + ": " + run.passed + "/" + run.total() + " passed, "
                + run.failed.size() + " failed, " + run.skipped.size() + " replaced by container rules, "
                + run.knownBugs.size() + " not run: known adapter bugs"
                + (run.skipped.isEmpty() ? "" : "\n    skipped " + String.join("\n    skipped ", run.skipped))
                + (run.knownBugs.isEmpty() ? "" : "\n    BUG " + String.join("\n    BUG ", run.knownBugs))
                + (run.failed.isEmpty() ? "" : "\n    FAILED " + String.join("\n    FAILED ", run.failed));
        report(line);
        assertTrue(run.failed.isEmpty() && run.total() > 0, line);
    }

    /** Appends to the report under target/ (the server runs from target/glassfish7, see the module pom). */
    private void report(String line) {
        Path dir = Path.of(System.getProperty("com.sun.aas.instanceRoot"), "..", "..", "..", "..",
                "conformance-in-container").normalize();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(getClass().getSimpleName() + ".txt"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spec 6.2.10, 6.2.11 (acknowledgement, recover). */
    @Test
    void acknowledge() throws Exception {
        area("Acknowledge");
    }

    /** Spec 7.3 (asynchronous send). */
    @Test
    void asyncSend() throws Exception {
        area("AsyncSend");
    }

    /** ConnectionFactory.createConnection(user, password) javadoc (authentication). */
    @Test
    void authentication() throws Exception {
        area("Authentication");
    }

    /** Spec 8.7, 7.3 (what MessageListener and CompletionListener callbacks may call). */
    @Test
    void callbackRules() throws Exception {
        area("CallbackRules");
    }

    /** Spec 6 and the domain-specific interfaces' javadoc (classic API). */
    @Test
    void classicApi() throws Exception {
        area("ClassicApi");
    }

    /** Spec 6.1.8, 6.2.15 and the close javadoc (closed objects). */
    @Test
    void closedObject() throws Exception {
        area("ClosedObject");
    }

    /** Spec 10.3 (exceptions). */
    @Test
    void exception() throws Exception {
        area("Exception");
    }

    /** Spec 3.4 (message headers). */
    @Test
    void header() throws Exception {
        area("Header");
    }

    /** Spec 3.11 (message bodies). */
    @Test
    void messageBody() throws Exception {
        area("MessageBody");
    }

    /** Spec 3.5 (message properties). */
    @Test
    void property() throws Exception {
        area("Property");
    }

    /** Spec 2.8 and the JMSContext/JMSProducer/JMSConsumer javadoc (simplified API). */
    @Test
    void simplifiedApi() throws Exception {
        area("SimplifiedApi");
    }

    /** Spec 6.2.8, 8.3 (durable and shared subscriptions). */
    @Test
    void subscription() throws Exception {
        area("Subscription");
    }

    /** Spec 6.2.2 (temporary destinations). */
    @Test
    void temporaryDestination() throws Exception {
        area("TemporaryDestination");
    }

    /** Spec 6.2.7 (transactions). */
    @Test
    void transaction() throws Exception {
        area("Transaction");
    }

    /** Spec 12.2, 12.3: the container rule tests that replace the skipped ones. */
    @Test
    void containerRules() throws Exception {
        area("ContainerRules");
    }
}
