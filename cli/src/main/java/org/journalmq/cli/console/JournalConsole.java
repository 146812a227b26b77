package org.journalmq.cli.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.journalmq.cli.Json;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.admin.JournalAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console: overview, destination pages with charts, dead letters and clients, served by the
 * JDK's HTTP server from one {@link JournalAdmin}. {@code journalmq console} runs one; an
 * application holding an embedded HSQLDB journal (which locks it for its JVM) starts one in-process
 * with {@link #start(JournalConnectionFactory, int)}.
 */
public final class JournalConsole implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalConsole.class);
    private static final String RESOURCES = "/org/journalmq/cli/console/";
    private static final List<String> PAGES = List.of("index.html", "destination.html", "deadletters.html",
            "clients.html", "login.html");

    private final JournalAdmin admin;
    private final Sampler sampler;
    private final ConsoleApi api;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ConsoleSecurity security;
    private final ConsoleOptions options;
    private final String uplotDir;

    private JournalConsole(JournalAdmin admin, ConsoleOptions options) throws IOException {
        this.admin = admin;
        this.options = options;
        this.sampler = new Sampler(admin, options.samplePeriodMs());
        this.api = new ConsoleApi(admin, sampler);
        this.uplotDir = uplotDirectory();
        InetSocketAddress at = new InetSocketAddress(options.bind(), options.port());
        if (options.https()) {
            HttpsServer s = HttpsServer.create(at, 0);
            s.setHttpsConfigurator(new HttpsConfigurator(sslContext(options)));
            server = s;
        } else {
            server = HttpServer.create(at, 0);
        }
        this.security = new ConsoleSecurity(options, server.getAddress().getPort());
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "journalmq-console-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** A console on 127.0.0.1:port (0 for any free port) for the factory's journal, sampling every 5 s. */
    public static JournalConsole start(JournalConnectionFactory factory, int port) throws JMSException, IOException {
        return start(factory, ConsoleOptions.loopback(port));
    }

    public static JournalConsole start(JournalConnectionFactory factory, ConsoleOptions options)
            throws JMSException, IOException {
        return start(factory.createAdmin(), options);
    }

    /** A console over an admin handle; closing the console closes the handle. */
    public static JournalConsole start(JournalAdmin admin, ConsoleOptions options) throws IOException {
        JournalConsole c;
        try {
            c = new JournalConsole(admin, options);
        } catch (IOException | RuntimeException e) {
            admin.close();
            throw e;
        }
        c.sampler.start();
        c.server.start();
        LOG.info("JMQ8101 web console on {} for journal {}", c.url(), admin.url());
        return c;
    }

    /** Where a browser opens it, e.g. http://127.0.0.1:8161/. */
    public String url() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        return (options.https() ? "https" : "http") + "://" + host + ":" + port() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Journal reads done by the sampler so far: one per period, whatever the traffic of the pages. */
    public long samplesTaken() {
        return sampler.samples();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        sampler.close();
        admin.close();
    }

    // ------------------------------------------------------------------ requests

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            secureHeaders(ex);
            if (!security.hostAllowed(ex)) {
                send(ex, 421, "text/plain", "this console does not answer to that Host name\n");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            Map<String, List<String>> form = "POST".equals(method) ? parse(readBody(ex)) : Map.of();
            if ("POST".equals(method) && !security.postAllowed(ex, first(form, "csrf"))) {
                send(ex, 403, "text/plain", "refused: a POST needs this console's Origin and CSRF token\n");
                return;
            }
            if (path.equals("/favicon.ico")) {
                send(ex, 204, "text/plain", ""); // none, and no error in the browser's console for it
                return;
            }
            if (path.startsWith("/static/")) {
                serveStatic(ex, path.substring("/static/".length()));
                return;
            }
            if (path.equals("/login") || path.equals("/login.html")) {
                login(ex, form);
                return;
            }
            if (!security.loggedIn(ex)) {
                if (path.startsWith("/api/")) {
                    send(ex, 401, "text/plain", "log in first\n");
                } else {
                    ex.getResponseHeaders().set("Location", "/login");
                    send(ex, 303, "text/plain", "");
                }
                return;
            }
            if (path.startsWith("/api/")) {
                api(ex, path.substring("/api/".length()), method, form);
                return;
            }
            String page = path.equals("/") ? "index.html" : path.substring(1);
            if (!"GET".equals(method) || !PAGES.contains(page)) {
                send(ex, 404, "text/plain", "not found\n");
                return;
            }
            sendPage(ex, page);
        } catch (RuntimeException e) {
            LOG.warn("JMQ8102 console request {} failed: {}", ex.getRequestURI().getPath(), e.toString());
        }
    }

    private void api(HttpExchange ex, String name, String method, Map<String, List<String>> form) throws IOException {
        Map<String, List<String>> query = parse(ex.getRequestURI().getRawQuery());
        try {
            Object body;
            if ("GET".equals(method)) {
                body = switch (name) {
                    case "overview" -> api.overview();
                    case "destination" -> api.destination(first(query, "address"));
                    case "browse" -> api.browse(first(query, "address"), intOr(first(query, "count"), 50));
                    case "deadletters" -> api.deadLetterQueues();
                    case "clients" -> api.clients();
                    default -> null;
                };
            } else if ("POST".equals(method)) {
                body = switch (name) {
                    case "replay" -> replay(form);
                    case "purge" -> purge(form);
                    default -> null;
                };
            } else {
                body = null;
            }
            if (body == null) {
                send(ex, 404, "text/plain", "not found\n");
            } else {
                send(ex, 200, "application/json", Json.write(body));
            }
        } catch (InvalidDestinationException | InvalidSelectorException | IllegalArgumentException e) {
            send(ex, 400, "application/json", Json.write(Map.of("error", String.valueOf(e.getMessage()))));
        } catch (JMSException e) {
            send(ex, 500, "application/json", Json.write(Map.of("error", String.valueOf(e.getMessage()))));
        }
    }

    private Object replay(Map<String, List<String>> form) throws JMSException {
        String dlq = first(form, "dlq");
        List<String> ids = form.getOrDefault("id", List.of());
        if (ids.isEmpty() && !dlq.equals(first(form, "confirm"))) {
            throw new IllegalArgumentException("replaying every message of " + dlq + " needs confirmation");
        }
        return Map.of("replayed", api.replay(dlq, ids), "from", dlq);
    }

    private Object purge(Map<String, List<String>> form) throws JMSException {
        String address = first(form, "address");
        String name = api.known(address).name();
        // the page asks the operator to confirm by name; without it nothing is deleted
        if (!name.equals(first(form, "confirm"))) {
            throw new IllegalArgumentException("purging " + name + " needs confirmation: confirm=" + name);
        }
        return Map.of("purged", api.purge(address));
    }

    private void login(HttpExchange ex, Map<String, List<String>> form) throws IOException {
        if (!security.passwordRequired()) {
            ex.getResponseHeaders().set("Location", "/");
            send(ex, 303, "text/plain", "");
        } else if ("POST".equals(ex.getRequestMethod())) {
            String cookie = security.login(first(form, "password"));
            if (cookie == null) {
                LOG.warn("JMQ8103 console login refused from {}", ex.getRemoteAddress().getAddress());
                send(ex, 403, "text/plain", "wrong password\n");
                return;
            }
            ex.getResponseHeaders().add("Set-Cookie", cookie);
            ex.getResponseHeaders().set("Location", "/");
            send(ex, 303, "text/plain", "");
        } else {
            sendPage(ex, "login.html");
        }
    }

    private void sendPage(HttpExchange ex, String page) throws IOException {
        String html = resource(RESOURCES + page);
        send(ex, 200, "text/html; charset=utf-8", html.replace("{{csrf}}", security.csrfToken())
                .replace("{{uplot}}", "/static/uplot/"));
    }

    private void serveStatic(HttpExchange ex, String name) throws IOException {
        String path;
        String type;
        if (name.equals("uplot/uPlot.iife.min.js")) {
            path = uplotDir + "uPlot.iife.min.js";
            type = "text/javascript";
        } else if (name.equals("uplot/uPlot.min.css")) {
            path = uplotDir + "uPlot.min.css";
            type = "text/css";
        } else if (name.equals("console.js")) {
            path = RESOURCES + name;
            type = "text/javascript";
        } else if (name.equals("console.css")) {
            path = RESOURCES + name;
            type = "text/css";
        } else {
            send(ex, 404, "text/plain", "not found\n");
            return;
        }
        send(ex, 200, type + "; charset=utf-8", resource(path));
    }

    private static void secureHeaders(HttpExchange ex) {
        var h = ex.getResponseHeaders();
        h.set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
        h.set("X-Frame-Options", "DENY");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(64 * 1024);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    static Map<String, List<String>> parse(String urlencoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (urlencoded == null || urlencoded.isEmpty()) {
            return out;
        }
        for (String pair : urlencoded.split("&")) {
            String[] kv = pair.split("=", 2);
            String k = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String v = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String first(Map<String, List<String>> m, String key) {
        List<String> v = m.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static int intOr(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + s);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = JournalConsole.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** uPlot's files inside its webjar, whatever version the build put on the class path. */
    private static String uplotDirectory() throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (InputStream in = JournalConsole.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IOException("uPlot (org.webjars.npm:uplot) is missing from the class path");
            }
            p.load(in);
        }
        return "/META-INF/resources/webjars/uplot/" + p.getProperty("version") + "/dist/";
    }

    private static SSLContext sslContext(ConsoleOptions options) throws IOException {
        try {
            char[] pass = options.keystorePassword() == null ? new char[0] : options.keystorePassword().toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(options.keystore())) {
                ks.load(in, pass);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pass);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), null, null);
            return ssl;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot use keystore " + options.keystore() + ": " + e.getMessage(), e);
        }
    }
}
