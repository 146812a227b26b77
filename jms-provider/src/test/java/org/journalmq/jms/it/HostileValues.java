package org.journalmq.jms.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Strings built to break SQL or a careless parser (issue 15 item 5): quotes, comments, semicolons,
 * backslashes, NUL and other control characters, unicode, LIKE wildcards, 10,000+ characters,
 * empty and white-space-only. Each non-empty one carries a marker of its own (letters and digits,
 * so it survives as part of an identifier) that {@link SqlRecorder} looks for in executed SQL.
 */
final class HostileValues {

    /** One hostile string; {@code marker} is null for the few that must stay empty or blank. */
    record Hostile(String label, String value, String marker) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final String[] TEMPLATES = {
        "quote", "'; DROP TABLE JMQ_DELIVERY; --{m}",
        "tautology", "{m}' OR '1'='1",
        "double-quote", "\"{m}\" OR \"\"=\"",
        "line-comment", "{m} -- comment",
        "block-comment", "/* {m} */ SELECT 1",
        "semicolon", "{m}; DELETE FROM JMQ_SCHEMA_VERSION;",
        "backslash", "back\\slash {m} \\' \\\\",
        "nul", "nul\u0000{m}",
        "control", "bell\u0007{m}\u001b[0m",
        "tab-newline", "{m} tab\tnewline\nreturn\r",
        "emoji", "emoji \uD83D\uDE00 {m} \uD83D\uDC4D\uD83C\uDFFD",
        "rtl", "rtl \u202E{m}\u202C \u05E2\u05D1\u05E8\u05D9\u05EA",
        "combining", "combining e\u0301\u0327 {m}",
        "like-wildcards", "100% off_{m} _%",
        "dollar-quote", "$$ {m} $$; $tag$x$tag$",
        "very-long", "x".repeat(10_000) + "{m}",
        "identifier-like", "_{m}",
        "unicode-identifier", "\u00F1\u05E9\u05DC{m}",
        "long-identifier", "a".repeat(10_000) + "{m}",
    };

    private HostileValues() {
    }

    /** All of them; markers are unique to the call so that two batches never see each other's. */
    static List<Hostile> all(String batch) {
        List<Hostile> out = new ArrayList<>();
        for (int i = 0; i < TEMPLATES.length; i += 2) {
            String marker = "jmqhx" + batch + (i / 2) + "z";
            out.add(new Hostile(TEMPLATES[i], TEMPLATES[i + 1].replace("{m}", marker), marker));
        }
        out.add(new Hostile("empty", "", null));
        out.add(new Hostile("spaces", "   ", null));
        out.add(new Hostile("white-space", " \t ", null));
        return out;
    }

    /** README "Names, limits and hostile input": what the provider refuses, in the words of its message. */
    static String destinationProblem(String name) {
        if (name.isEmpty()) {
            return "empty";
        }
        if (name.length() > 200) {
            return "longer than 200";
        }
        if (!name.strip().equals(name)) {
            return "white space";
        }
        return name.chars().anyMatch(Character::isISOControl) ? "control character" : null;
    }

    static String subscriptionProblem(String name) {
        if (name.isEmpty()) {
            return "empty";
        }
        if (name.length() > 150) {
            return "longer than 150";
        }
        return name.chars().anyMatch(Character::isISOControl) ? "control character" : null;
    }

    static String clientIdProblem(String id) {
        if (id.isEmpty()) {
            return "empty";
        }
        if (id.length() > 200) {
            return "longer than 200";
        }
        return id.chars().anyMatch(Character::isISOControl) ? "control character" : null;
    }

    /**
     * Spec 3.8.1.1: a property name is a Java identifier (and not a selector keyword, which no hostile
     * value is); control and ignorable characters are not identifier characters for the provider.
     */
    static boolean validIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        return name.codePoints().allMatch(cp -> Character.isJavaIdentifierPart(cp) && !Character.isISOControl(cp)
                && !Character.isIdentifierIgnorable(cp));
    }

    /**
     * README "Names, limits and hostile input": a subscription's selector is stored in the journal, where
     * PostgreSQL text cannot hold NUL, so such a selector is refused for every subscription.
     */
    static boolean storable(String selectorValue) {
        return selectorValue.indexOf('\u0000') < 0;
    }

    /** Spec 3.8.1.1: a string literal, a quote inside doubled. */
    static String literal(String v) {
        return "'" + v.replace("'", "''") + "'";
    }

    /** A LIKE pattern matching {@code v} literally (escape character !), then {@code suffix}. */
    static String likeLiteral(String v, String suffix) {
        String escaped = v.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return literal(escaped + suffix);
    }
}
