package org.journalmq.cli.console;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's rules against other pages in the same browser and other hosts:
 * <ul>
 * <li>every request must name this console in its Host header (so a DNS-rebound name that points at
 *     127.0.0.1 reads and does nothing);</li>
 * <li>every POST must carry an Origin equal to this console's own and the CSRF token of the page;</li>
 * <li>with a password, every request but the login page needs the session cookie (HttpOnly,
 *     SameSite=Strict, Secure over HTTPS) that a correct password gives.</li>
 * </ul>
 */
final class ConsoleSecurity {
    static final String SESSION_COOKIE = "jmq_console";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final SecureRandom random = new SecureRandom();
    private final Set<String> hosts = new HashSet<>();
    private final String scheme;
    private final byte[] password;
    private final String token;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    ConsoleSecurity(ConsoleOptions options, int port) {
        scheme = options.https() ? "https" : "http";
        password = options.password() == null ? null : options.password().getBytes(StandardCharsets.UTF_8);
        token = randomToken();
        if (ConsoleOptions.loopback(options.bind())) {
            for (String h : new String[] {"127.0.0.1", "localhost", "[::1]"}) {
                hosts.add(h + ":" + port);
            }
        }
        String bind = options.bind().contains(":") && !options.bind().startsWith("[")
                ? "[" + options.bind() + "]" : options.bind();
        hosts.add(bind.toLowerCase(Locale.ROOT) + ":" + port);
        for (String h : options.hostNames()) {
            hosts.add(h.toLowerCase(Locale.ROOT) + ":" + port);
        }
    }

    boolean passwordRequired() {
        return password != null;
    }

    /** The CSRF token pages carry: one per console, known only to pages it served. */
    String csrfToken() {
        return token;
    }

    /** The Host header names this console (with its port, as browsers send it). */
    boolean hostAllowed(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** A POST comes from a page of this console: same Origin, and the page's token. */
    boolean postAllowed(HttpExchange ex, String formToken) {
        Headers h = ex.getRequestHeaders();
        String origin = h.getFirst("Origin");
        String host = h.getFirst("Host");
        if (origin == null || host == null || !origin.equalsIgnoreCase(scheme + "://" + host)) {
            return false;
        }
        String given = h.getFirst(CSRF_HEADER) != null ? h.getFirst(CSRF_HEADER) : formToken;
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** With no password, everyone on loopback is in; else the session cookie must be one we gave. */
    boolean loggedIn(HttpExchange ex) {
        if (password == null) {
            return true;
        }
        String cookies = ex.getRequestHeaders().getFirst("Cookie");
        if (cookies == null) {
            return false;
        }
        for (String c : cookies.split(";")) {
            String[] kv = c.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals(SESSION_COOKIE) && sessions.contains(kv[1])) {
                return true;
            }
        }
        return false;
    }

    /** A new session's cookie header value when the password is right, else null. */
    String login(String given) {
        if (password == null || given == null
                || !MessageDigest.isEqual(password, given.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        String session = randomToken();
        sessions.add(session);
        return SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict"
                + ("https".equals(scheme) ? "; Secure" : "");
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
