package org.journalmq.persistence;

import java.util.Locale;
import java.util.Objects;

/**
 * One row of the access control list (issue 15 item 1): a principal may do an operation on the
 * destinations a pattern matches.
 *
 * <p>The principal is a database user, or on PostgreSQL also a role the user is a member of,
 * spelled as the database reports it (HSQLDB upper-cases unquoted names: {@code CREATE USER alice}
 * makes {@code ALICE}). The pattern is a destination kind, a colon and a name in which {@code *}
 * matches any run of characters: {@code queue:orders}, {@code queue:orders.*}, {@code topic:*},
 * {@code temp-queue:*}. A topic's subscriptions are covered by their topic's pattern.
 *
 * @param principal the user or role granted the operation
 * @param operation what it may do
 * @param pattern   which destinations
 */
public record AccessGrant(String principal, Operation operation, String pattern) {

    /** Longest principal the table holds (PostgreSQL names are at most 63 bytes anyway). */
    public static final int MAX_PRINCIPAL = 128;
    /** Longest pattern the table holds. */
    public static final int MAX_PATTERN = 400;

    /** The operations a grant permits. */
    public enum Operation {
        /** Send or publish to the destination. */
        SEND,
        /** Consume from a queue, or subscribe to a topic (any kind of subscription). */
        CONSUME,
        /** Browse a queue. */
        BROWSE,
        /**
         * Purge, move and replay dead letters of the destination; {@code manage} on {@code queue:*}
         * and {@code topic:*} also manages the access control list itself.
         */
        MANAGE;

        /** The word stored in the table and used by the CLI: "send", "consume", "browse", "manage". */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The operation a word names, in any case.
         *
         * @throws JournalException INVALID_ARGUMENT for any other word
         */
        public static Operation ofWord(String word) {
            if (word != null) {
                for (Operation o : values()) {
                    if (o.word().equalsIgnoreCase(word.trim())) {
                        return o;
                    }
                }
            }
            throw new JournalException(JournalException.Kind.INVALID_ARGUMENT, "unknown operation '" + word
                    + "': expected send, consume, browse or manage");
        }
    }

    /** The kinds a pattern may start with, each followed by a colon. */
    public static final java.util.List<String> KINDS = java.util.List.of("queue", "topic", "temp-queue", "temp-topic");

    /**
     * Checks the grant.
     *
     * @throws JournalException INVALID_ARGUMENT naming what is wrong
     */
    public AccessGrant {
        Objects.requireNonNull(operation, "operation");
        if (principal == null || principal.isBlank() || principal.length() > MAX_PRINCIPAL
                || !principal.strip().equals(principal) || hasControl(principal)) {
            throw new JournalException(JournalException.Kind.INVALID_ARGUMENT, "invalid principal '" + principal
                    + "': 1 to " + MAX_PRINCIPAL + " characters, no control characters, no leading or trailing space");
        }
        String problem = patternProblem(pattern);
        if (problem != null) {
            throw new JournalException(JournalException.Kind.INVALID_ARGUMENT, "invalid pattern '" + pattern
                    + "': " + problem);
        }
    }

    /** Why a pattern is not valid, or null when it is. */
    static String patternProblem(String pattern) {
        if (pattern == null || pattern.length() > MAX_PATTERN || hasControl(pattern)) {
            return "at most " + MAX_PATTERN + " characters, no control characters";
        }
        int colon = pattern.indexOf(':');
        if (colon < 0 || !KINDS.contains(pattern.substring(0, colon)) || colon == pattern.length() - 1) {
            return "expected <kind>:<name> with kind one of " + String.join(", ", KINDS)
                    + " and a name where * matches any run of characters";
        }
        return null;
    }

    /** The grant as the CLI shows it: "alice send queue:orders". */
    @Override
    public String toString() {
        return principal + " " + operation.word() + " " + pattern;
    }

    /** True when the pattern matches a resource ({@code queue:orders}); {@code *} matches any run. */
    public boolean matches(String resource) {
        return matches(pattern, resource);
    }

    /**
     * Wildcard match without regular expressions (a pattern is data, not a regex): greedy with
     * backtracking to the last star, linear for the patterns people write.
     */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
