package org.journalmq.cli;

import java.util.regex.Pattern;

/** Keeps passwords out of everything the command prints. */
final class Redaction {

    static final String MASK = "****";

    /** {@code password=secret} inside a JDBC URL (PostgreSQL query string, HSQLDB ';' properties). */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");

    private Redaction() {
    }

    /** The text with the given password (if any) and every URL password parameter masked. */
    static String redact(String text, String password) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, MASK);
        }
        return URL_PASSWORD.matcher(out).replaceAll("$1" + MASK);
    }
}
