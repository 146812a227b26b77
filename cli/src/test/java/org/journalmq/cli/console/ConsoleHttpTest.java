package org.journalmq.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's security rules with a plain HTTP client (a browser would hide some of them): Host
 * and Origin checks, the CSRF token, purge confirmation, the password and HTTPS rules, and the
 * sampler's one read per period whatever the requests.
 */
class ConsoleHttpTest {
    private JournalConnectionFactory factory;
    private Connection connection;
    private Session session;
    private JournalConsole console;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void open() throws Exception {
        factory = new JournalConnectionFactory(TestDatabases.hsqldbMemUrl());
        factory.setJmxEnabled(false);
        connection = factory.createConnection();
        session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        try (MessageProducer p = session.createProducer(session.createQueue("orders"))) {
            for (int i = 0; i < 3; i++) {
                p.send(session.createTextMessage("order " + i));
            }
        }
    }

    @AfterEach
    void close() throws JMSException {
        if (console != null) {
            console.close();
        }
        connection.close();
    }

    private JournalConsole start(ConsoleOptions options) throws Exception {
        console = JournalConsole.start(factory, options);
        return console;
    }

    private String base() {
        return "http://127.0.0.1:" + console.port();
    }

    private HttpResponse<String> get(String path, String host) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        if (host != null) {
            b.header("Host", host);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String origin, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (token != null) {
            b.header(ConsoleSecurity.CSRF_HEADER, token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("<meta name=\"csrf\" content=\"([^\"]+)\">").matcher(page);
        assertTrue(m.find(), "the page carries its CSRF token");
        return m.group(1);
    }

    private int depth(String queue) throws JMSException {
        try (QueueBrowser b = session.createBrowser(session.createQueue(queue))) {
            return Collections.list(b.getEnumeration()).size();
        }
    }

    @Test
    void answersOnlyToItsOwnHostNames() throws Exception {
        start(ConsoleOptions.loopback(0));
        assertEquals(200, get("/", null).statusCode());
        assertEquals(200, get("/api/overview", "localhost:" + console.port()).statusCode());
        // DNS rebinding: a name the attacker controls, now resolving to 127.0.0.1
        assertEquals(421, get("/", "attacker.example:" + console.port()).statusCode());
        assertEquals(421, get("/api/overview", "attacker.example:" + console.port()).statusCode());
        assertEquals(421, get("/api/overview", "127.0.0.1:1").statusCode(), "another port is another origin");
    }

    @Test
    void aHostNameGivenByTheOperatorIsAnsweredToo() throws Exception {
        start(new ConsoleOptions("127.0.0.1", 0, 5_000, null, null, null, List.of("console.example")));
        assertEquals(200, get("/api/overview", "console.example:" + console.port()).statusCode());
        assertEquals(421, get("/api/overview", "other.example:" + console.port()).statusCode());
    }

    @Test
    void postsNeedTheConsolesOriginAndTokenAndPurgeNeedsConfirmation() throws Exception {
        start(ConsoleOptions.loopback(0));
        String page = get("/", null).body();
        String token = token(page);
        String origin = base();
        String purge = "address=Q%3Aorders&confirm=orders";

        assertEquals(403, post("/api/purge", purge, null, token).statusCode(), "no Origin");
        assertEquals(403, post("/api/purge", purge, "http://attacker.example", token).statusCode(), "other Origin");
        assertEquals(403, post("/api/purge", purge, origin, null).statusCode(), "no token");
        assertEquals(403, post("/api/purge", purge, origin, "forged").statusCode(), "wrong token");
        assertEquals(403, post("/api/purge", purge + "&csrf=forged", origin, null).statusCode(), "wrong form token");
        assertEquals(3, depth("orders"), "nothing purged by a refused POST");

        HttpResponse<String> unconfirmed = post("/api/purge", "address=Q%3Aorders", origin, token);
        assertEquals(400, unconfirmed.statusCode());
        assertTrue(unconfirmed.body().contains("needs confirmation"), unconfirmed.body());
        assertEquals(400, post("/api/purge", "address=Q%3Aorders&confirm=other", origin, token).statusCode());
        assertEquals(3, depth("orders"), "nothing purged without the confirmation");

        HttpResponse<String> done = post("/api/purge", purge, origin, token);
        assertEquals(200, done.statusCode(), done.body());
        assertEquals("{\"purged\":3}", done.body());
        assertEquals(0, depth("orders"));
        assertEquals(404, get("/api/purge", null).statusCode(), "an action is never a GET");
    }

    @Test
    void pagesAreServedFromTheSamplersSnapshotWithoutAReadOfTheirOwn() throws Exception {
        start(ConsoleOptions.loopback(0).withSamplePeriod(3_600_000));
        long before = console.samplesTaken();
        assertEquals(1, before, "one read at start");
        for (int i = 0; i < 20; i++) {
            assertEquals(200, get("/api/overview", null).statusCode());
            assertEquals(200, get("/api/destination?address=Q%3Aorders", null).statusCode());
        }
        assertEquals(before, console.samplesTaken(), "tabs and refreshes add no journal read");
        String overview = get("/api/overview", null).body();
        assertTrue(overview.contains("\"name\":\"orders\"") && overview.contains("\"depth\":3"), overview);
    }

    @Test
    void anotherAddressNeedsAPasswordAndHttps() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConsoleOptions("0.0.0.0", 0, 5_000, null, null, null, List.of()));
        assertTrue(e.getMessage().contains("--password-file") && e.getMessage().contains("--keystore"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ConsoleOptions("0.0.0.0", 0, 5_000, "secret", null, null, List.of()), "HTTPS too");
    }

    @Test
    void aPasswordGuardsEveryPageOverHttpsAndNeverShows(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("console.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "console", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), out);
        String password = "s3cret-console-password";
        start(new ConsoleOptions("127.0.0.1", 0, 5_000, password, keystore, "changeit", List.of()));
        assertTrue(console.url().startsWith("https://127.0.0.1:"), console.url());

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
        String base = "https://127.0.0.1:" + console.port();

        HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, page.statusCode(), "to the login page");
        assertEquals(401, https.send(HttpRequest.newBuilder(URI.create(base + "/api/overview")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        String login = https.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertFalse(login.contains(password));
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(login);
        assertTrue(m.find(), login);
        String token = m.group(1);

        HttpResponse<String> wrong = https.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Origin", base).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token + "&password=guess")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrong.statusCode());
        HttpResponse<String> right = https.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Origin", base).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, right.statusCode());
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"),
                cookie);
        assertFalse(cookie.contains(password));
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> in = https.send(HttpRequest.newBuilder(URI.create(base + "/api/overview"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, in.statusCode());
        assertFalse(in.body().contains(password));
        assertTrue(in.headers().firstValue("Location").isEmpty());
    }
}
