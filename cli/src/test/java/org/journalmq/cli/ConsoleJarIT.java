package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journalmq console} from the built jar in a JVM of its own, on a file HSQLDB journal that
 * no other JVM holds: it prints its URL, serves the overview with the journal's figures and the
 * uPlot script from inside the jar, and stops on SIGTERM (Ctrl-C's shutdown path).
 */
class ConsoleJarIT {

    @Test
    void servesTheJournalFromTheJar(@TempDir Path dir) throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("j");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("journalmq.cli.jar");
        Process send = new ProcessBuilder(java, "-jar", jar, "send", "--url", url, "--queue", "orders", "--count", "3",
                "hello").redirectErrorStream(true).start();
        send.getInputStream().readAllBytes();
        assertEquals(0, send.waitFor());

        Process console = new ProcessBuilder(List.of(java, "-jar", jar, "console", "--url", url, "--port", "0"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine(); // blocks until the console listens (or the JVM ends: null)
            assertNotNull(first, "the console printed nothing");
            Matcher m = Pattern.compile("journalmq console: (http://127\\.0\\.0\\.1:\\d+/) for ").matcher(first);
            assertTrue(m.find(), first);
            HttpClient http = HttpClient.newHttpClient();
            String overview = http.send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/overview")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(overview.contains("\"name\":\"orders\"") && overview.contains("\"depth\":3"), overview);
            HttpResponse<String> uplot = http.send(HttpRequest.newBuilder(
                    URI.create(m.group(1) + "static/uplot/uPlot.iife.min.js")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, uplot.statusCode());
            assertTrue(uplot.body().contains("uPlot"));
        } finally {
            console.destroy(); // SIGTERM: the shutdown hook closes the console and the journal
            assertTrue(console.waitFor(30, TimeUnit.SECONDS), "the console stopped on SIGTERM");
        }
    }
}
